/**
 * Astro middleware, after Starlight's (which gives each request a fresh `locals.t` for the page's
 * language): `locals.t` without i18next's HTML escaping (test/build/escaping.test.ts), and in a build
 * remembering its answers per language (src/site/remembering-t.ts says why and what is kept). In
 * `astro dev` a translation file can change, so nothing is kept.
 */
import { defineMiddleware } from 'astro:middleware';
import { rememberingT } from './site/remembering-t.ts';

type Translate = App.Locals['t'];
/** Per locale (undefined: the root locale), per call: the translated string. */
const remembered = new Map<string | undefined, Map<string, string>>();

function wrapped(t: Translate, locale: string | undefined, remember: boolean): Translate {
  let known = remembered.get(locale);
  if (!known) remembered.set(locale, (known = new Map()));
  const wrapper = rememberingT(t as (key: string, options?: object) => string, known, remember) as Translate;
  return Object.assign(wrapper, { all: t.all, exists: t.exists, dir: t.dir });
}

export const onRequest = defineMiddleware((context, next) => {
  if (typeof context.locals.t === 'function') context.locals.t = wrapped(context.locals.t, context.currentLocale, import.meta.env.PROD);
  return next();
});
