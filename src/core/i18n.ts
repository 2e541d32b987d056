/**
 * The UI strings of the site, the CLI and explain's reasons: one catalogue per language in
 * src/content/i18n/ (Starlight reads the same files for Astro.locals.t). Placeholders are
 * i18next-style `{{name}}`, as in Starlight's own strings.
 */
import en from '../content/i18n/en.json' with { type: 'json' };
import zh from '../content/i18n/zh-CN.json' with { type: 'json' };
import type { Lang } from './artifact-types.ts';

export type UiParams = Readonly<Record<string, string | number>>;

const CATALOGUES: Record<Lang, Readonly<Record<string, string>>> = { en, zh };

/** The string `key` in `lang` (English when the language lacks it), placeholders filled in; the key itself when no catalogue has it. */
export function translate(lang: Lang, key: string, params: UiParams = {}): string {
  const template = CATALOGUES[lang][key] ?? CATALOGUES.en[key];
  if (template === undefined) return key;
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** Whether the English catalogue has `key` (tests check every key exists in both). */
export function hasUiString(key: string): boolean {
  return Object.hasOwn(CATALOGUES.en, key);
}
