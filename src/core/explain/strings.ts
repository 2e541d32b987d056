/**
 * explain's own strings: its reasons (`explain.reason.*`) and its advice (`explain.advice.*`), one
 * catalogue per language in ./i18n/. They are the library's only strings, so a browser app that
 * bundles explain ships these and not the site's (src/content/i18n/). The site reads them too:
 * src/content.config.ts merges them into Starlight's catalogue of each language.
 */
import { createTranslator } from '../catalogues.ts';
import en from './i18n/en.json' with { type: 'json' };
import zh from './i18n/zh-CN.json' with { type: 'json' };

export const EXPLAIN_CATALOGUES = { en, zh };

export const translateExplain = createTranslator(EXPLAIN_CATALOGUES);
