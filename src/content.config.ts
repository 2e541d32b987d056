/**
 * Content collections: Starlight's docs (the guides) and UI strings. The error-code data is not a
 * collection; src/site/kb.ts reads it from data/.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import en from './content/i18n/en.json' with { type: 'json' };
import explainEn from './core/explain/i18n/en.json' with { type: 'json' };
import { withExplainStrings } from './node/i18n-loader.ts';
/**
 * <StarlightPage> builds the docs schema anew for every page it renders (about 0.35 ms: 7 s of a
 * 20,000-page build). Its `image` helper is the same self-contained code on every call, so one schema
 * serves them all. Content entries still get their own: Astro binds their helper to the entry's file.
 */
const starlightDocsSchema = docsSchema();
let starlightPageSchema: ReturnType<typeof starlightDocsSchema> | undefined;
const docsSchemaFor: typeof starlightDocsSchema = (context) =>
  context.image.toString().includes('<StarlightPage>') ? (starlightPageSchema ??= starlightDocsSchema(context)) : starlightDocsSchema(context);

/**
 * Our UI strings, declared to Starlight so components read them with `Astro.locals.t('pager.page', { page })`.
 * Every key of both English catalogues (the site's and explain's) is required in every language: a
 * catalogue missing one fails the build.
 */
const uiStrings = z.object(Object.fromEntries([...Object.keys(en), ...Object.keys(explainEn)].map((key) => [key, z.string()])));

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchemaFor }),
  i18n: defineCollection({ loader: withExplainStrings(i18nLoader()), schema: i18nSchema({ extend: uiStrings }) }),
};
