/**
 * FlexSearch's Index class. The browser build aliases 'flexsearch' to its 28 kB "compact" bundle
 * (astro.config.mjs), Node uses the full one; both rank identically (checked over every word of
 * the real index), and both read the same exported files.
 */
import * as FlexSearch from 'flexsearch';

type IndexClass = typeof import('flexsearch').Index;
const module = FlexSearch as unknown as { Index?: IndexClass; default?: { Index: IndexClass } };
export const Index: IndexClass = module.Index ?? module.default!.Index;
export type Index = InstanceType<IndexClass>;
