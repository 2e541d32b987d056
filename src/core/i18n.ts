/**
 * The UI strings of the site and the CLI, for code without an Astro request (the CLI, plain
 * modules, the one 404 page that speaks both languages): src/content/i18n/<lang>.json, which
 * Starlight reads for Astro.locals.t, plus explain's own strings (src/core/explain/i18n/), which
 * src/content.config.ts merges into Starlight's catalogues too. Not part of the library
 * (src/core/index.ts never imports it): explain renders its reasons with explain/strings.ts alone.
 */
import en from '../content/i18n/en.json' with { type: 'json' };
import zh from '../content/i18n/zh-CN.json' with { type: 'json' };
import { createTranslator } from './catalogues.ts';
import { EXPLAIN_CATALOGUES } from './explain/strings.ts';

/** The string `key` in `lang` (English when the language lacks it), placeholders filled in; the key itself when no catalogue has it. */
export const translate = createTranslator({ en: { ...en, ...EXPLAIN_CATALOGUES.en }, zh: { ...zh, ...EXPLAIN_CATALOGUES.zh } });

/** Whether the English catalogue has `key` (tests check every key exists in both). */
export const hasUiString = (key: string): boolean => translate.has(key);
