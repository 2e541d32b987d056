/**
 * Astro middleware, after Starlight's (which gives each request a fresh `locals.t` for the page's
 * language). Interpolated values are not HTML-escaped by i18next: Astro escapes the whole string when
 * it renders it, and escaping twice showed "vendor&#39;s" to readers (test/build/escaping.test.ts).
 * In a build, `locals.t` also remembers the strings asked for without parameters, per language.
 * Every page asks for the same few dozen UI strings, and i18next resolves each call afresh (key
 * lookup, fallbacks, interpolation): 9% of a 20,000-page build went there (BENCHMARKS.md, "What the
 * scale figures rest on"). Calls with parameters (page numbers, names) are passed through, so what is
 * kept does not grow with the pages. In `astro dev` a translation file can change, so nothing is kept.
 */
import { defineMiddleware } from 'astro:middleware';

type Translate = App.Locals['t'];
/** Per locale (undefined: the root locale), per key: the translated string. */
const remembered = new Map<string | undefined, Map<string, string>>();

const ESCAPED_ONCE = { interpolation: { escapeValue: false } };

function wrapped(t: Translate, locale: string | undefined, remember: boolean): Translate {
  let strings = remembered.get(locale);
  if (!strings) remembered.set(locale, (strings = new Map()));
  const known = strings;
  const plain = t as (key: string, options?: object) => string;
  const wrapper = ((key: string, options?: object) => {
    if (options !== undefined) return plain(key, { ...ESCAPED_ONCE, ...options });
    if (!remember) return plain(key);
    let text = known.get(key);
    if (text === undefined) known.set(key, (text = plain(key)));
    return text;
  }) as Translate;
  return Object.assign(wrapper, { all: t.all, exists: t.exists, dir: t.dir });
}

export const onRequest = defineMiddleware((context, next) => {
  if (typeof context.locals.t === 'function') context.locals.t = wrapped(context.locals.t, context.currentLocale, import.meta.env.PROD);
  return next();
});
