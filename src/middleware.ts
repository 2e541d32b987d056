/**
 * Astro middleware, after Starlight's (which gives each request a fresh `locals.t` for the page's
 * language): in a build, `locals.t` remembers the strings asked for without parameters, per language.
 * Every page asks for the same few dozen UI strings, and i18next resolves each call afresh (key
 * lookup, fallbacks, interpolation): 9% of a 20,000-page build went there (BENCHMARKS.md, "What the
 * scale figures rest on"). Calls with parameters (page numbers, names) are passed through, so what is
 * kept does not grow with the pages. In `astro dev` a translation file can change, so nothing is kept.
 */
import { defineMiddleware } from 'astro:middleware';

type Translate = App.Locals['t'];
/** Per locale (undefined: the root locale), per key: the translated string. */
const remembered = new Map<string | undefined, Map<string, string>>();

function remembering(t: Translate, locale: string | undefined): Translate {
  let strings = remembered.get(locale);
  if (!strings) remembered.set(locale, (strings = new Map()));
  const known = strings;
  const plain = t as (key: string, options?: unknown) => string;
  const wrapper = ((key: string, options?: unknown) => {
    if (options !== undefined) return plain(key, options);
    let text = known.get(key);
    if (text === undefined) known.set(key, (text = plain(key)));
    return text;
  }) as Translate;
  return Object.assign(wrapper, { all: t.all, exists: t.exists, dir: t.dir });
}

export const onRequest = defineMiddleware((context, next) => {
  if (import.meta.env.PROD && typeof context.locals.t === 'function') context.locals.t = remembering(context.locals.t, context.currentLocale);
  return next();
});
