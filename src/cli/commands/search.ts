/** `search <words…> [--vendor …] [--limit n]`: entries by meaning, message or code. */
import { searchEntries } from '../../core/simple-search.ts';
import { printJson, printNotFound, vendorArg, type CommandContext } from './context.ts';

export function search(c: CommandContext): number {
  const { l, p } = c;
  const query = c.operands.join(' ');
  const vendor = vendorArg(c, c.values.vendor);
  const entries = searchEntries(l, query, { limit: c.checked.limit, ...(vendor ? { vendor } : {}) });
  if (c.json) printJson({ query, entries });
  else if (entries.length === 0) printNotFound(c, JSON.stringify(query));
  else {
    for (const e of entries) p.brief(e);
    process.stdout.write(p.toString());
  }
  return entries.length > 0 ? 0 : 1;
}
