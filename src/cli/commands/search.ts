/** `search <words…> [--vendor …] [--limit n]`: entries by code, message or words, with the site's search engine. */
import { printJson, printNotFound, vendorArg, type CommandContext } from './context.ts';

export async function search(c: CommandContext): Promise<number> {
  const { l, p } = c;
  const query = c.operands.join(' ');
  const vendor = vendorArg(c, c.values.vendor);
  // Loaded here, not at start-up: the other commands need neither the engine nor FlexSearch.
  const { searchEntries } = await import('../../core/search/entries.ts');
  const entries = await searchEntries(l, query, { limit: c.checked.limit, ...(vendor ? { vendor } : {}) });
  if (c.json) printJson({ query, entries });
  else if (entries.length === 0) printNotFound(c, JSON.stringify(query));
  else {
    for (const e of entries) p.brief(e);
    process.stdout.write(p.toString());
  }
  return entries.length > 0 ? 0 : 1;
}
