/**
 * Where a fact comes from and how it changed: a cited source, an earlier documented value kept as
 * history, and a message the API was seen to return besides the documented one. Shared by the data
 * schema (schema.ts) and the artifact (artifact.ts).
 */
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');
const webUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });
export const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

/** A document as a reader can find it again: its title, public URL, version or commit, and when we read it. */
export const sourceRef = z
  .strictObject({
    title: text.meta({ description: "The document's title, as a reader would look for it." }),
    url: webUrl.meta({ description: 'Its public URL.' }),
    version: text.optional().meta({ description: 'The version, commit or revision read, where the document has one (e.g. a git commit).' }),
    read: isoDate.meta({ description: 'When we read it (YYYY-MM-DD).' }),
  })
  .meta({ id: 'source_ref', title: 'Source', description: 'A cited document: title, URL, version or commit, and the date it was read.' });
export type SourceRef = z.output<typeof sourceRef>;

/** A value of a field that has history: an HTTP status, a literal message (either may be null) or a meaning. */
export const historyValue = z.union([z.number(), z.string(), z.null(), z.strictObject({ en: text, zh: text })]);

export const HISTORY_FIELDS = ['http_status', 'message', 'meaning'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/**
 * A value the vendor documented before: `value` was right until `until`, according to `source`.
 * `recorded` is the data release (its date) that recorded the change.
 */
export const historyItem = z
  .strictObject({
    field: z.enum(HISTORY_FIELDS).meta({ description: 'Which field of the entry had this value.' }),
    value: historyValue.meta({ description: 'The earlier value: an HTTP status (number or null), a literal message (string or null) or a meaning ({en, zh}).' }),
    until: isoDate.meta({ description: 'The day the vendor changed it (the first day the current value was documented).' }),
    source: sourceRef.meta({ description: 'The document that gave the earlier value.' }),
    recorded: isoDate.meta({ description: 'The data release (its date) that recorded the change.' }),
  })
  .meta({ id: 'history_item', title: 'History item', description: 'A value the vendor documented before, with its dates and source.' });
export type HistoryItem = z.output<typeof historyItem>;

/** A literal message the API returned for this code besides the documented one, with where it was seen. */
export const messageVariant = z
  .strictObject({
    message: z
      .string()
      .min(1, 'must not be empty')
      .meta({ description: 'The message exactly as the API returned it; with message_is_template, its run-time parts written as %s or %d.' }),
    message_is_template: z
      .boolean()
      .default(false)
      .meta({ description: 'True when the message has placeholders (%s, %d) for parts the API fills in at run time (a limit, a name): matched like a template message.' }),
    seen: z
      .union([z.number().int().min(2000).max(2100), isoDate])
      .meta({ description: 'When it was seen: a year (e.g. 2023) or a date.' }),
    source: sourceRef.meta({ description: 'Where it was seen: a public issue, an SDK fixture, the vendor\'s own SDK or docs.' }),
    recorded: isoDate.meta({ description: 'The data release (its date) that recorded it.' }),
  })
  .meta({ id: 'message_variant', title: 'Message variant', description: 'A literal message the API has returned for the code besides its documented message.' });
export type MessageVariant = z.output<typeof messageVariant>;
