/**
 * Our UI string keys, typed for Starlight's `Astro.locals.t` (its documented `StarlightApp.I18n`
 * extension point): a misspelt key is a type error. The strings are in src/content/i18n/ and, for
 * explain's reasons and advice, src/core/explain/i18n/ (src/content.config.ts merges the two).
 */
declare namespace StarlightApp {
  type UiStrings = typeof import('../content/i18n/en.json');
  type ExplainStrings = typeof import('../core/explain/i18n/en.json');
  interface I18n extends UiStrings, ExplainStrings {}
}
