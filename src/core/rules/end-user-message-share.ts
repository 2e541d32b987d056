import { MAX_MESSAGE_SHARE, MESSAGE_SHARE_MIN_ENTRIES } from '../decision.ts';
import type { Category, Entry } from '../schema.ts';
import type { Dataset, Rule } from './types.ts';

/** How many entries of the whole data set show each English end-user message; counted once per data set. */
const counted = new WeakMap<Dataset['vendors'], { total: number; counts: Map<string, number> }>();

function messageCounts(vendors: Dataset['vendors'], categoryById: ReadonlyMap<string, Category>) {
  let result = counted.get(vendors);
  if (result) return result;
  const counts = new Map<string, number>();
  let total = 0;
  for (const v of vendors)
    for (const e of v.data.entries) {
      const text = shownMessage(e, categoryById);
      if (text === undefined) continue;
      total++;
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
  result = { total, counts };
  counted.set(vendors, result);
  return result;
}

const shownMessage = (e: Entry, categoryById: ReadonlyMap<string, Category>) => (e.end_user_message ?? categoryById.get(e.category)?.end_user_message)?.en;

export const endUserMessageShare: Rule = {
  name: 'end-user-message-share',
  description: `No one end-user message is shown for more than a quarter of all entries (from ${MESSAGE_SHARE_MIN_ENTRIES} entries on); reported once, at its first entry in each vendor file.`,
  scope: 'vendor',
  wholeData: true,
  check({ vendor, vendors, categoryById }, report) {
    const { total, counts } = messageCounts(vendors, categoryById);
    if (total < MESSAGE_SHARE_MIN_ENTRIES) return;
    const reported = new Set<string>();
    vendor.data.entries.forEach((e, i) => {
      const text = shownMessage(e, categoryById);
      const count = text === undefined ? 0 : (counts.get(text) ?? 0);
      if (text === undefined || count <= total * MAX_MESSAGE_SHARE || reported.has(text)) return;
      reported.add(text);
      const whose = e.end_user_message ? 'this message' : `category "${e.category}"'s end_user_message`;
      report(
        ['entries', i, e.end_user_message ? 'end_user_message' : 'category'],
        `${whose} ("${text}") is shown for ${count} of ${total} entries (${Math.round((100 * count) / total)}%), more than a quarter: write messages for the entries (or the categories) that say what is specific to them`,
      );
    });
  },
};
