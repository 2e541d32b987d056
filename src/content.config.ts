/**
 * Content collections. `vendors` and `categories` come from data/ through the same loader and zod
 * schema as the validator and the artifact, so the site build stops on exactly the same problems.
 */
import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { categoriesFile, vendorFile } from './core/schema.ts';
import { loadKnowledgeBase } from './node/data-files.ts';

const loadOnce = (() => {
  let kb: ReturnType<typeof loadKnowledgeBase> | undefined;
  return () => (kb ??= loadKnowledgeBase());
})();

const vendors = defineCollection({
  loader: {
    name: 'vendor-data',
    load: async ({ store, parseData, logger }) => {
      const kb = loadOnce();
      store.clear();
      for (const { file: _file, ...data } of kb.vendors) {
        store.set({ id: data.vendor.id, data: await parseData({ id: data.vendor.id, data }) });
      }
      logger.info(`${kb.vendors.length} vendors, ${kb.vendors.reduce((n, v) => n + v.entries.length, 0)} entries`);
    },
  },
  schema: vendorFile,
});

// One entry holding the whole taxonomy: the data store sorts entries by id, and the taxonomy's
// order is its reading order.
const categories = defineCollection({
  loader: {
    name: 'category-data',
    load: async ({ store, parseData }) => {
      store.clear();
      const data = { categories: loadOnce().categories };
      store.set({ id: 'taxonomy', data: await parseData({ id: 'taxonomy', data }) });
    },
  },
  schema: categoriesFile,
});

/**
 * <StarlightPage> builds the docs schema anew for every page it renders (about 0.35 ms: 7 s of a
 * 20,000-page build). Its `image` helper is the same self-contained code on every call, so one schema
 * serves them all. Content entries still get their own: Astro binds their helper to the entry's file.
 */
const starlightDocsSchema = docsSchema();
let starlightPageSchema: ReturnType<typeof starlightDocsSchema> | undefined;
const docsSchemaFor: typeof starlightDocsSchema = (context) =>
  context.image.toString().includes('<StarlightPage>') ? (starlightPageSchema ??= starlightDocsSchema(context)) : starlightDocsSchema(context);

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchemaFor }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  vendors,
  categories,
};
