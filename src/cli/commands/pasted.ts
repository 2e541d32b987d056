/**
 * `vision-errors <anything>`, or text piped in (no argument, or `-`): what people paste. A code (`222202`, `ModelArts 4204`,
 * `picwish/state/-8`) is looked up at every vendor, as `find`; a message (`pic not has face`) or a body
 * (`{"error_code": 222202, …}`, a status line and a body, an HTML error page with --status) is
 * explained, as `explain`, with its next step; words that are neither are searched, as `search`. The
 * answer says which; --json adds `answer: 'find' | 'explain' | 'search'`.
 */
import { explain } from '../../core/explain.ts';
import { translate } from '../../core/i18n.ts';
import { UsageError } from '../args.ts';
import { printJson, printNotFound, vendorArg, type CommandContext } from './context.ts';
import { printExplanation, readStdin } from './explain.ts';

/** One token that could be a code or an entry id: no spaces, and a digit or an UPPER_CASE name in it. */
const CODE_LIKE = /^(?=.*(?:\d|[A-Z]{2,}_[A-Z]))[^\s{}[\]<>"']{1,100}$/;

export async function pasted(c: CommandContext): Promise<number> {
  const { l, p } = c;
  const fromStdin = c.operands.length === 0 || (c.operands.length === 1 && c.operands[0] === '-');
  const text = (fromStdin ? await readStdin() : c.operands.join(' ')).trim();
  if (text === '') throw new UsageError('nothing to do: give a code, a message, a response body or a command (stdin was empty)');
  const vendor = vendorArg(c, c.values.vendor);
  const status = c.checked.status;

  // A code: every vendor's entry for it (only the vendor's with --vendor).
  if (status === undefined && (CODE_LIKE.test(text) || /^\S+ \d+$/.test(text))) {
    const entries = l.find(text).filter((e) => !vendor || e.vendor === vendor);
    if (entries.length > 0) {
      if (c.json) printJson({ answer: 'find', query: text, entries });
      else {
        entries.forEach((e, i) => {
          if (i > 0) p.line();
          p.entry(e);
        });
        process.stdout.write(p.toString());
      }
      return 0;
    }
  }

  // A message or a body.
  const result = explain(text, { ...(status !== undefined ? { httpStatus: status } : {}), ...(vendor ? { vendor } : {}) }, l);
  // Decided, or failed by the status given (an HTML error page with --status 502): the explanation and its next step.
  const decided = result.entry !== undefined || result.outcome === 'success' || result.outcome === 'pending' || result.candidates.length > 0;
  if (decided || (status !== undefined && result.outcome === 'failure')) return printExplanation(c, result, { answer: 'explain' });

  // Words: the site's search.
  // The engine is loaded only now: a code or a body, the common case, needs neither it nor FlexSearch.
  const { searchEntries } = await import('../../core/search/entries.ts');
  const hits = await searchEntries(l, text.slice(0, 500), { limit: c.checked.limit, ...(vendor ? { vendor } : {}) });
  if (hits.length > 0) {
    if (c.json) printJson({ answer: 'search', query: text, entries: hits });
    else {
      p.line(p.s.dim(translate(c.lang, 'cli.searchInstead')));
      for (const e of hits) p.brief(e);
      process.stdout.write(p.toString());
    }
    return 0;
  }
  if (status !== undefined) return printExplanation(c, result, { answer: 'explain' });
  if (c.json) printJson({ answer: null, query: text, entries: [] });
  else printNotFound(c, JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}…` : text));
  return 1;
}
