/**
 * Translation catalogues: one flat object of key → text per language, i18next-style `{{name}}`
 * placeholders (as in Starlight's own strings). This module holds no strings: the library's are in
 * src/core/explain/i18n/ (explain/strings.ts) and src/core/next-step/i18n/ (next-step.ts), the site's and the CLI's in src/content/i18n/
 * (i18n.ts). Keeping them apart keeps the site's strings out of a browser app's bundle.
 */
import type { Lang } from './artifact-types.ts';

export type Catalogue = Readonly<Record<string, string>>;
export type UiParams = Readonly<Record<string, string | number>>;

/** A placeholder in a template: `{{ name }}`. */
export const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

export interface Translator {
  /** The string `key` in `lang` (English when the language lacks it), placeholders filled in; the key itself when no catalogue has it. */
  (lang: Lang, key: string, params?: UiParams): string;
  /** Whether the English catalogue has `key`. */
  has(key: string): boolean;
}

/** translate() over these catalogues. A placeholder without a parameter stays visible; nothing is escaped. */
export function createTranslator(catalogues: Readonly<Record<Lang, Catalogue>>): Translator {
  const translate = (lang: Lang, key: string, params: UiParams = {}): string => {
    const template = catalogues[lang][key] ?? catalogues.en[key];
    if (template === undefined) return key;
    return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
  };
  return Object.assign(translate, { has: (key: string) => Object.hasOwn(catalogues.en, key) });
}
