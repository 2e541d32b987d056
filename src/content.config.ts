/**
 * Content collections. `vendors` and `categories` come from data/ through the same loader and zod
 * schema as the validator and the artifact, so the site build stops on exactly the same problems.
 */
import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { category, vendorFile } from './core/schema.ts';
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

const categories = defineCollection({
  loader: {
    name: 'category-data',
    load: async ({ store, parseData }) => {
      store.clear();
      for (const c of loadOnce().categories) store.set({ id: c.id, data: await parseData({ id: c.id, data: c }) });
    },
  },
  schema: category,
});

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  vendors,
  categories,
};
