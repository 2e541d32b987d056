/**
 * The data changelog, generated from the data's own history: per data release (the date a change
 * was recorded) and vendor, the entries added, the HTTP statuses and messages the vendor changed, and
 * the messages seen in the wild that were recorded. Pure; the artifact writes it as changelog.json and
 * the site shows it at /changelog/.
 */
import { z } from 'zod';
import { historyValue } from './provenance-schema.ts';

/** What the changelog needs of an entry (an artifact entry fits). */
export interface ChangelogEntry {
  id: string;
  vendor: string;
  code: string;
  http_status: number | null;
  message: string | null;
  meaning: { en: string; zh: string };
  added: string | null;
  history: readonly { field: string; value: z.output<typeof historyValue>; until: string; recorded: string }[];
  message_variants: readonly { message: string; recorded: string }[];
}

const change = z.strictObject({
  id: z.string().meta({ description: 'The entry.' }),
  from: historyValue.meta({ description: 'The value the vendor documented before.' }),
  to: historyValue.meta({ description: 'The value that followed it (the current one, or a later history item\'s).' }),
  until: z.string().meta({ description: 'The day the vendor changed it.' }),
});

export const changelogFile = z
  .strictObject({
    releases: z.array(
      z.strictObject({
        date: z.string().meta({ description: 'The data release: the day these changes were recorded (YYYY-MM-DD).' }),
        vendors: z.array(
          z.strictObject({
            vendor: z.string(),
            added: z.array(z.string()).meta({ description: 'Entries added in this release.' }),
            status_changed: z.array(change).meta({ description: 'HTTP statuses the vendor changed (from → to, and the day).' }),
            message_changed: z.array(change).meta({ description: 'Literal messages the vendor changed.' }),
            meaning_changed: z.array(change).meta({ description: 'Meanings the vendor changed.' }),
            messages_seen: z
              .array(z.strictObject({ id: z.string(), message: z.string() }))
              .meta({ description: 'Messages the API was seen to return, recorded as variants of an entry.' }),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'changelog_file', title: 'changelog.json', description: 'What changed in the data, per release and vendor, newest release first.' });
export type Changelog = z.output<typeof changelogFile>;
type VendorChanges = Changelog['releases'][number]['vendors'][number];

/** The current value of a field, which the newest history item of that field changed into. */
function valueAfter(e: ChangelogEntry, field: string, index: number): z.output<typeof historyValue> {
  const later = e.history.slice(index + 1).find((h) => h.field === field);
  if (later) return later.value;
  return field === 'http_status' ? e.http_status : field === 'message' ? e.message : { en: e.meaning.en, zh: e.meaning.zh };
}

export function buildChangelog(entries: readonly ChangelogEntry[]): Changelog {
  const releases = new Map<string, Map<string, VendorChanges>>();
  const at = (date: string, vendor: string): VendorChanges => {
    const byVendor = releases.get(date) ?? new Map<string, VendorChanges>();
    releases.set(date, byVendor);
    let v = byVendor.get(vendor);
    if (!v) byVendor.set(vendor, (v = { vendor, added: [], status_changed: [], message_changed: [], meaning_changed: [], messages_seen: [] }));
    return v;
  };
  for (const e of entries) {
    if (e.added) at(e.added, e.vendor).added.push(e.id);
    e.history.forEach((h, i) => {
      const list = h.field === 'http_status' ? 'status_changed' : h.field === 'message' ? 'message_changed' : 'meaning_changed';
      at(h.recorded, e.vendor)[list].push({ id: e.id, from: h.value, to: valueAfter(e, h.field, i), until: h.until });
    });
    for (const v of e.message_variants) at(v.recorded, e.vendor).messages_seen.push({ id: e.id, message: v.message });
  }
  return {
    releases: [...releases]
      .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
      .map(([date, vendors]) => ({ date, vendors: [...vendors.values()].sort((a, b) => (a.vendor < b.vendor ? -1 : 1)) })),
  };
}
