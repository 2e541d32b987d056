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

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  vendors,
  categories,
};
