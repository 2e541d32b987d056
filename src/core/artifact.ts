/**
 * The JSON lookup artifact (API v1): what other tools build on. Pure: the caller writes the files.
 *
 * Stability: keys are emitted in a fixed order, arrays in data order (vendors by id), and there is
 * no timestamp; `data_version` is a hash of the content, so the same data gives byte-identical files.
 */
import { z } from 'zod';
import {
  bilingualText,
  category,
  categoryOutcome,
  envelope,
  equivalenceGroup,
  entryKind,
  note,
  searchKeywords,
  sourcedText,
  taskOutcome,
  vendor as vendorSchema,
  type Category,
} from './schema.ts';
import { action, possibleCause, retryPolicyFields } from './decision-schema.ts';
import { resolveDecision } from './decision.ts';
import { historyItem, messageVariant, sourceRef, type SourceRef } from './provenance-schema.ts';
import { entryApiPath, entryPagePath, entryRef, vendorPagePath, type EntryKey } from './model.ts';
import { templatePattern } from './templates.ts';
import { deriveEquivalence, type Equivalence } from './equivalence.ts';
import { renderExampleBody } from './example-body.ts';
import { toJsonText } from './json-schemas.ts';
import { entriesCsv, entriesJsonl } from './artifact-tables.ts';
import { buildChangelog, changelogFile } from './changelog.ts';
import { openApiDocument } from './openapi.ts';
import type { KnowledgeBase, LoadedVendor } from './validate.ts';
import type { Entry } from './schema.ts';

/** Artifact format version. Additive changes keep 1.x; removing or renaming a field needs /api/v2/. */
export const ARTIFACT_VERSION = '1.4.0';
export const API_ROOT = '/api/v1/';

/** An absolute URL (JSON Schema `format: uri`). */
const absoluteUrl = (description: string) => z.url().meta({ description });

export const artifactEntry = z
  .strictObject({
    id: z.string().meta({ description: 'Unique id, also the page path: <vendor>/<code>, <vendor>/http/<status> or <vendor>/state/<value>.' }),
    vendor: z.string(),
    kind: entryKind,
    code: z.string().meta({ description: 'The code exactly as the API returns it.' }),
    http_status: z.number().int().nullable(),
    message: z.string().nullable().meta({ description: 'The literal message the API returns, verbatim from the source; null if none.' }),
    message_variants: z
      .array(messageVariant)
      .meta({ description: 'Literal messages the API has returned for this code besides message, with where and when each was seen; explain and search match them like message. Since 1.3.' }),
    message_is_template: z.boolean(),
    message_pattern: z
      .string()
      .nullable()
      .meta({ description: 'For templates: an anchored regular expression (ECMAScript) that matches the filled-in message.' }),
    task_outcome: taskOutcome.nullable(),
    outcome: categoryOutcome.meta({
      description: "What this response means for the call: the task state's own outcome, else its category's ('success', 'pending', 'failure' or 'informational').",
    }),
    meaning: sourcedText,
    remedy: sourcedText.meta({ description: "What to do, written by us for this entry (vendor_text 'none' since v1.1; the vendor's own remedy is in vendor_remedy)." }),
    vendor_remedy: sourcedText
      .nullable()
      .meta({ description: "The vendor's own remedy, verbatim in the language vendor_text names (the other language is our translation); null when the source gives none." }),
    end_user_message: bilingualText
      .extend({ source: z.enum(['entry', 'category']).meta({ description: "'entry': written for this entry; 'category': the category's default." }) })
      .meta({ description: 'Plain words an app can show its own end user (ours, never the vendor\'s).' }),
    category: z.string(),
    keywords: searchKeywords
      .optional()
      .meta({ description: "Search keywords and synonyms for this entry beyond its category's (ours, for search only); absent when it has none. Since 1.2." }),
    retryable: z.boolean(),
    retryable_source: z.enum(['vendor', 'ours']),
    retryable_exception: bilingualText
      .nullable()
      .meta({ description: "Why retryable differs from the category's retryable_default; null when it agrees." }),
    action: action.meta({ description: "The next step (ours): the entry's own action, else its category's action_default. Since 1.3." }),
    action_source: z
      .enum(['entry', 'category'])
      .meta({ description: "'entry': set for this entry (action_reason says why it differs from the category); 'category': the category's default. Since 1.3." }),
    action_reason: bilingualText.nullable().meta({ description: "Why this entry's action differs from its category's; null when it agrees. Since 1.3." }),
    retry: retryPolicyFields
      .extend({ reason: bilingualText.nullable().meta({ description: 'Why this schedule, in words; null when none is given.' }) })
      .nullable()
      .meta({ description: 'When and how often to send again (poll, retry, wait; sometimes recreate-task): the entry\'s own policy, else its category\'s; null for other actions. Since 1.3.' }),
    possible_causes: z.array(possibleCause).meta({ description: 'One to four likely causes, each saying whether the vendor or we name it; empty where the meaning says it all. Since 1.3.' }),
    equivalence_group: z.string().nullable().meta({ description: 'Id of the equivalence group this entry belongs to, or null.' }),
    equivalents: z
      .array(z.string())
      .meta({ description: 'Ids of the other members of its equivalence group: the same failure elsewhere (symmetric and transitive).' }),
    example_body: z
      .strictObject({
        http_status: z.number().int().nullable().meta({ description: 'The HTTP status the body comes with, or null when not documented.' }),
        body: z.string().meta({ description: "The response body as the vendor would send it for this entry, built from its documented envelope." }),
      })
      .nullable()
      .meta({ description: "A response carrying this entry, built by us from the vendor's documented envelope; null where the vendor has no template for this kind." }),
    history: z
      .array(historyItem)
      .meta({ description: 'Values the vendor documented before (oldest first): field, earlier value, the day it changed (until), its source and the data release that recorded it. Since 1.3.' }),
    source: sourceRef
      .nullable()
      .meta({ description: "Where this entry comes from when that is not its vendor's main source document; null otherwise. Since 1.3." }),
    added: z.string().nullable().meta({ description: 'The data release (its date, YYYY-MM-DD) that added this entry; null for entries of the first release. Since 1.3.' }),
    notes: z.array(note),
    url: absoluteUrl(
      'The English page of this entry. Stable (v1 never changes it), so it also serves as the entry\'s identifier, e.g. as the `type` of an RFC 9457 problem details response.',
    ),
    url_zh: absoluteUrl('The Chinese page of this entry.'),
    api_url: absoluteUrl('This entry as its own JSON file.'),
  })
  .meta({ id: 'entry', title: 'Entry' });
export type ArtifactEntry = z.infer<typeof artifactEntry>;

const counts = z.strictObject({
  error: z.number().int(),
  'http-status': z.number().int(),
  'task-state': z.number().int(),
  'sdk-error': z.number().int().meta({ description: 'Since 1.3.' }),
});

export const artifactVendor = vendorSchema
  .extend({
    envelope,
    counts,
    url: absoluteUrl('The English page of this vendor.'),
    url_zh: absoluteUrl('The Chinese page of this vendor.'),
    api_url: absoluteUrl('This vendor as its own JSON file (<vendor>.json).'),
  })
  .meta({ id: 'vendor', title: 'Vendor' });
export type ArtifactVendor = z.infer<typeof artifactVendor>;

export const artifactCategory = category
  .extend({ url: absoluteUrl('The English page of this category.'), url_zh: absoluteUrl('The Chinese page of this category.') })
  .meta({ id: 'category', title: 'Category' });

const header = {
  artifact_version: z.string().meta({ description: 'Version of this format (semver). Breaking changes move to /api/v2/.' }),
  data_version: z.string().meta({ description: 'Hash of the content: changes whenever any data changes, never otherwise.' }),
  site: z.url().meta({ description: 'Origin the page URLs were built for.' }),
};

export const artifactGroup = equivalenceGroup.meta({ id: 'equivalence_group', title: 'Equivalence group' });

export const indexFile = z
  .strictObject({
    ...header,
    categories: z.array(artifactCategory),
    vendors: z.array(artifactVendor),
    equivalence_groups: z.array(artifactGroup).meta({ description: 'The same failure at several vendors: each member lists the others as equivalents.' }),
    entries: z.array(artifactEntry),
  })
  .meta({ title: 'Vision API error codes: index.json', description: 'Every vendor, category and entry.' });
export const vendorFileArtifact = z
  .strictObject({
    ...header,
    vendor: artifactVendor,
    categories: z.array(artifactCategory).meta({ description: 'The categories of this vendor\'s entries (so the file works on its own).' }),
    entries: z.array(artifactEntry),
  })
  .meta({ id: 'vendor_file', title: '<vendor>.json', description: 'One vendor with its entries; the library accepts it in place of index.json.' });
export const entryFileArtifact = z.strictObject({ ...header, entry: artifactEntry }).meta({ id: 'entry_file', title: '<vendor>/<code>.json' });
export const changelogArtifact = changelogFile.extend(header).meta({ id: 'changelog_file', title: 'changelog.json', description: 'What changed in the data, per release and vendor, newest release first. Since 1.3.' });
export const categoriesFileArtifact = z
  .strictObject({ ...header, categories: z.array(artifactCategory) })
  .meta({ id: 'categories_file', title: 'categories.json' });

/**
 * schema.json: JSON Schema 2020-12 of index.json, with the other files under $defs. Its `$id` is
 * where it is published: `<site>/api/v1/schema.json`.
 */
export function artifactJsonSchema(site: string): Record<string, unknown> {
  const opts = { target: 'draft-2020-12', io: 'output' } as const;
  type JsonSchema = Record<string, unknown> & { $defs?: Record<string, unknown> };
  const generate = (schema: z.ZodType) => z.toJSONSchema(schema, opts) as JsonSchema;
  // Shared definitions (entry, vendor, category) are referenced as #/$defs/<id> from every file's
  // schema, so all of them live in the root's $defs.
  const { $schema, $defs: indexDefs, ...index } = generate(indexFile);
  const defs: Record<string, unknown> = { ...indexDefs };
  for (const [name, schema] of [
    ['vendor_file', vendorFileArtifact],
    ['entry_file', entryFileArtifact],
    ['categories_file', categoriesFileArtifact],
    ['changelog_file', changelogArtifact],
  ] as const) {
    const { $schema: _s, $defs, ...rest } = generate(schema);
    Object.assign(defs, $defs);
    // A schema with an id comes back as a $ref to its own entry in $defs.
    if (!$defs?.[name]) defs[name] = rest;
  }
  return { $schema, $id: `${site}${API_ROOT}schema.json`, ...index, $defs: Object.fromEntries(Object.entries(defs).sort(([a], [b]) => (a < b ? -1 : 1))) };
}

export interface ArtifactOptions {
  /** Origin of the site, without trailing slash, e.g. https://errors.example.org */
  site: string;
  /** Content hash function (hex). Injected so this module stays free of Node APIs. */
  hash: (text: string) => string;
}

/** A source with its keys in a fixed order (the artifact is byte-stable). */
const copySource = (s: SourceRef): SourceRef => ({ title: s.title, url: s.url, ...(s.version ? { version: s.version } : {}), read: s.read });

export function toArtifactEntry(v: Pick<LoadedVendor, 'vendor' | 'example_bodies'>, e: Entry, equivalence: Equivalence, categories: ReadonlyMap<string, Category>, site: string): ArtifactEntry {
  const vendorId = v.vendor.id;
  const key: EntryKey = { vendor: vendorId, kind: e.kind, code: e.code };
  const id = entryRef(key);
  const template = v.example_bodies?.[e.kind];
  const example = template ? renderExampleBody(template, e) : undefined;
  const category = categories.get(e.category);
  const userMessage = e.end_user_message ?? category?.end_user_message;
  const decision = resolveDecision(e, category);
  const retry = decision.retry;
  return {
    id,
    vendor: vendorId,
    kind: e.kind,
    code: e.code,
    http_status: e.http_status,
    message: e.message,
    message_variants: e.message_variants.map((m) => ({ message: m.message, message_is_template: m.message_is_template, seen: m.seen, source: copySource(m.source), recorded: m.recorded })),
    message_is_template: e.message_is_template,
    message_pattern: e.message_is_template && e.message ? templatePattern(e.message) : null,
    task_outcome: e.task_outcome ?? null,
    outcome: e.task_outcome ?? category?.outcome ?? 'failure',
    meaning: { en: e.meaning.en, zh: e.meaning.zh, vendor_text: e.meaning.vendor_text },
    remedy: { en: e.remedy.en, zh: e.remedy.zh, vendor_text: e.remedy.vendor_text },
    vendor_remedy: e.vendor_remedy ? { en: e.vendor_remedy.en, zh: e.vendor_remedy.zh, vendor_text: e.vendor_remedy.vendor_text } : null,
    end_user_message: { en: userMessage?.en ?? '', zh: userMessage?.zh ?? '', source: e.end_user_message ? 'entry' : 'category' },
    category: e.category,
    ...(e.keywords ? { keywords: { en: [...e.keywords.en], zh: [...e.keywords.zh] } } : {}),
    retryable: e.retryable,
    retryable_source: e.retryable_source,
    retryable_exception: e.retryable_exception ? { en: e.retryable_exception.en, zh: e.retryable_exception.zh } : null,
    action: decision.action,
    action_source: decision.actionFrom,
    action_reason: e.action_reason ? { en: e.action_reason.en, zh: e.action_reason.zh } : null,
    retry: retry
      ? {
          max_attempts: retry.max_attempts,
          base_delay_s: retry.base_delay_s,
          max_delay_s: retry.max_delay_s,
          honour_retry_after: retry.honour_retry_after,
          source: retry.source,
          reason: retry.reason ? { en: retry.reason.en, zh: retry.reason.zh } : null,
        }
      : null,
    possible_causes: (e.possible_causes ?? []).map((c) => ({ en: c.en, zh: c.zh, source: c.source })),
    equivalence_group: equivalence.group.get(id) ?? null,
    equivalents: equivalence.equivalents.get(id) ?? [],
    example_body: example && !('error' in example) ? { http_status: example.http_status, body: example.body } : null,
    history: e.history.map((h) => ({ field: h.field, value: typeof h.value === 'object' && h.value !== null ? { en: h.value.en, zh: h.value.zh } : h.value, until: h.until, source: copySource(h.source), recorded: h.recorded })),
    source: e.source ? copySource(e.source) : null,
    added: e.added ?? null,
    notes: e.notes.map((n) => ({ kind: n.kind, en: n.en, zh: n.zh })),
    url: site + entryPagePath(key, 'en'),
    url_zh: site + entryPagePath(key, 'zh'),
    api_url: site + API_ROOT + entryApiPath(key),
  };
}

function toArtifactVendor(v: LoadedVendor, site: string): ArtifactVendor {
  const count = (kind: Entry['kind']) => v.entries.filter((e) => e.kind === kind).length;
  const { vendor } = v;
  return {
    id: vendor.id,
    name: vendor.name,
    ...(vendor.short_name ? { short_name: vendor.short_name } : {}),
    product: vendor.product,
    summary: vendor.summary,
    homepage: vendor.homepage,
    docs: vendor.docs,
    source: vendor.source,
    ...(vendor.auth ? { auth: vendor.auth } : {}),
    endpoints: vendor.endpoints,
    limits: vendor.limits,
    notes: vendor.notes,
    hosts: vendor.hosts,
    sdks: vendor.sdks,
    envelope: v.envelope,
    counts: { error: count('error'), 'http-status': count('http-status'), 'task-state': count('task-state'), 'sdk-error': count('sdk-error') },
    url: site + vendorPagePath(vendor.id, 'en'),
    url_zh: site + vendorPagePath(vendor.id, 'zh'),
    api_url: `${site}${API_ROOT}${vendor.id}.json`,
  };
}

function toArtifactCategory(c: Category, site: string) {
  return { ...c, url: `${site}/categories/${c.id}/`, url_zh: `${site}/zh-cn/categories/${c.id}/` };
}

export interface Artifact {
  /** Relative path under dist/api/v1/ → file text. Sorted by path. */
  files: Map<string, string>;
  dataVersion: string;
  entries: ArtifactEntry[];
}

export function buildArtifact(kb: KnowledgeBase, { site, hash }: ArtifactOptions): Artifact {
  const equivalence = deriveEquivalence(kb.groups);
  const categoryById = new Map(kb.categories.map((c) => [c.id, c]));
  const categories = kb.categories.map((c) => toArtifactCategory(c, site));
  const vendors = kb.vendors.map((v) => ({
    vendor: toArtifactVendor(v, site),
    entries: v.entries.map((e) => toArtifactEntry(v, e, equivalence, categoryById, site)),
  }));
  const entries = vendors.flatMap((v) => v.entries);
  const equivalence_groups = kb.groups.map((g) => ({ id: g.id, label: g.label, members: [...g.members] }));
  const content = { categories, vendors: vendors.map((v) => v.vendor), equivalence_groups, entries };
  const dataVersion = hash(JSON.stringify({ artifact_version: ARTIFACT_VERSION, site, ...content })).slice(0, 16);
  const head = { artifact_version: ARTIFACT_VERSION, data_version: dataVersion, site };

  const files = new Map<string, string>();
  files.set('index.json', toJsonText({ ...head, ...content }));
  files.set('categories.json', toJsonText({ ...head, categories }));
  files.set('schema.json', toJsonText(artifactJsonSchema(site)));
  files.set('openapi.json', toJsonText(openApiDocument(site, API_ROOT, ARTIFACT_VERSION, content.vendors)));
  files.set('entries.csv', entriesCsv(entries));
  files.set('changelog.json', toJsonText({ ...head, ...buildChangelog(entries) }));
  files.set('entries.jsonl', entriesJsonl(entries));
  for (const v of vendors) {
    const used = new Set(v.entries.map((e) => e.category));
    const vendorCategories = categories.filter((c) => used.has(c.id));
    files.set(`${v.vendor.id}.json`, toJsonText({ ...head, vendor: v.vendor, categories: vendorCategories, entries: v.entries }));
    for (const e of v.entries) files.set(entryApiPath(e), toJsonText({ ...head, entry: e }));
  }
  return { files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), dataVersion, entries };
}

