/**
 * FlexSearch's Index class. The browser build aliases 'flexsearch' to its 28 kB "compact" bundle
 * (astro.config.mjs), Node uses the full one; both rank identically (checked over every word of
 * the real index), and both read the same exported files.
 *
 * Typed here by the few methods we use, not by FlexSearch's own declarations: those fail a strict
 * `tsc` (skipLibCheck off), and the library's declaration files must pass one (test/process/consumer.test.ts).
 */
import * as FlexSearch from 'flexsearch';

export interface Index {
  add(id: number, text: string): unknown;
  search(query: string, options: { limit: number }): unknown[];
  export(handler: (key: string, data: string) => void): unknown;
  import(key: string, data: string): unknown;
}
type IndexClass = new (options: object) => Index;

const module = FlexSearch as unknown as { Index?: IndexClass; default?: { Index: IndexClass } };
export const Index: IndexClass = module.Index ?? module.default!.Index;
