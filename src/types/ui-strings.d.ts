/**
 * Our UI string keys, typed for Starlight's `Astro.locals.t` (its documented `StarlightApp.I18n`
 * extension point): a misspelt key is a type error. The strings are in src/content/i18n/.
 */
declare namespace StarlightApp {
  type UiStrings = typeof import('../content/i18n/en.json');
  interface I18n extends UiStrings {}
}
