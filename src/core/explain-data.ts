/**
 * The Explain page's data (`dist/explain-index/v1/`): what explain() and triage need to recognise a
 * response and decide, and no more, so that the page does not fetch the whole index.json (1.5 MB)
 * or a vendor's file (Baidu's: 440 KB). Built with the artifact from its index; site-internal, not
 * part of the artifact's public contract (docs/explain-page.md says why).
 *
 *   vendors.json        every vendor's names, hosts, SDKs and envelope; every category's outcome,
 *                       name and advice (both languages: explain's result carries both)
 *   <lang>/<vendor>.json  one vendor's entries, each with what explain reads (code, kind, statuses
 *                       and their history, messages and variants, outcome, category, retryable) and
 *                       what the page shows for a candidate or a log row (action, retry policy, the
 *                       meaning in that language); fields at their default are left out
 *
 * The page fetches vendors.json and every vendor's shard in its language (explain must see every
 * vendor: it recognises envelopes, looks codes up in all tables and lists another vendor's entry as a
 * candidate), rebuilds an index with explainIndex(), and fetches the one entry file
 * (`/api/v1/<vendor>/<code>.json`) for the answer's remedy, end-user message and the rest.
 * test/explain-data.test.ts holds explain() and triage over this index to the same answers as over
 * index.json.
 */
import type { ArtifactCategory, ArtifactEntry, ArtifactIndex, ArtifactVendor, Lang } from './artifact-types.ts';
import type { Action } from './typed.ts';
import { entryRef } from './model.ts';
import type { KbIndex } from './lookup.ts';

export const EXPLAIN_DATA_FORMAT = 'vision-error-codes/explain-data@1';
export const EXPLAIN_DATA_ROOT = '/explain-index/v1/';
const LANGS: readonly Lang[] = ['en', 'zh'];

type Outcome = ArtifactEntry['outcome'];

/** One entry as a shard holds it: absent fields are at their default (below). */
export interface ExplainDataEntry {
  code: string;
  /** Default 'error'. */
  kind?: Exclude<ArtifactEntry['kind'], 'error'>;
  /** Default null. */
  http_status?: number;
  /** Default null. */
  message?: string;
  /** Default false. */
  message_is_template?: true;
  /** Default none: [message, is a template, seen]. */
  message_variants?: [string, boolean, number | string][];
  /** Default null. */
  task_outcome?: NonNullable<ArtifactEntry['task_outcome']>;
  outcome: Outcome;
  category: string;
  retryable: boolean;
  action: Action;
  /** Default null: an index into the shard's policies. */
  retry?: number;
  /** Default none: earlier HTTP statuses, [value, until]. */
  status_history?: [number | null, string][];
  /** In the shard's language. */
  meaning: string;
}

export interface ExplainDataHead {
  format: typeof EXPLAIN_DATA_FORMAT;
  data_version: string;
  vendors: Pick<ArtifactVendor, 'id' | 'name' | 'short_name' | 'hosts' | 'sdks' | 'envelope'>[];
  categories: Pick<ArtifactCategory, 'id' | 'name' | 'outcome' | 'advice'>[];
}

export interface ExplainDataShard {
  format: typeof EXPLAIN_DATA_FORMAT;
  data_version: string;
  vendor: string;
  lang: Lang;
  /** The retry policies the entries use, each once, whole (nextStep compares them whole). */
  policies: NonNullable<ArtifactEntry['retry']>[];
  entries: ExplainDataEntry[];
}

/** The path of a vendor's shard in a language, under EXPLAIN_DATA_ROOT. */
export const explainShardPath = (vendor: string, lang: Lang): string => `${lang}/${vendor}.json`;
export const EXPLAIN_HEAD_PATH = 'vendors.json';

function compact(e: ArtifactEntry, lang: Lang, policy: (p: NonNullable<ArtifactEntry['retry']>) => number): ExplainDataEntry {
  const status = e.history.filter((h) => h.field === 'http_status').map((h): [number | null, string] => [h.value as number | null, h.until]);
  return {
    code: e.code,
    ...(e.kind !== 'error' ? { kind: e.kind } : {}),
    ...(e.http_status !== null ? { http_status: e.http_status } : {}),
    ...(e.message !== null ? { message: e.message } : {}),
    ...(e.message_is_template ? { message_is_template: true as const } : {}),
    ...(e.message_variants.length > 0 ? { message_variants: e.message_variants.map((v): [string, boolean, number | string] => [v.message, v.message_is_template, v.seen]) } : {}),
    ...(e.task_outcome !== null ? { task_outcome: e.task_outcome } : {}),
    outcome: e.outcome,
    category: e.category,
    retryable: e.retryable,
    action: e.action,
    ...(e.retry ? { retry: policy(e.retry) } : {}),
    ...(status.length > 0 ? { status_history: status } : {}),
    meaning: e.meaning[lang],
  };
}

/** The files, by path under EXPLAIN_DATA_ROOT; compact JSON (no indentation: nobody reads them by hand). */
export function explainDataFiles(index: ArtifactIndex): Map<string, string> {
  const base = { format: EXPLAIN_DATA_FORMAT, data_version: index.data_version } as const;
  const head: ExplainDataHead = {
    ...base,
    vendors: index.vendors.map((v) => ({ id: v.id, name: v.name, ...(v.short_name ? { short_name: v.short_name } : {}), hosts: v.hosts, sdks: v.sdks, envelope: v.envelope })),
    categories: index.categories.map((c) => ({ id: c.id, name: c.name, outcome: c.outcome, advice: c.advice })),
  };
  const files = new Map<string, string>([[EXPLAIN_HEAD_PATH, `${JSON.stringify(head)}\n`]]);
  for (const v of index.vendors) {
    const entries = index.entries.filter((e) => e.vendor === v.id);
    for (const lang of LANGS) {
      const policies: ExplainDataShard['policies'] = [];
      const keys: string[] = [];
      const policy = (p: NonNullable<ArtifactEntry['retry']>) => {
        const key = JSON.stringify(p);
        const i = keys.indexOf(key);
        return i >= 0 ? i : (keys.push(key), policies.push(p) - 1);
      };
      const compacted = entries.map((e) => compact(e, lang, policy));
      const shard: ExplainDataShard = { ...base, vendor: v.id, lang, policies, entries: compacted };
      files.set(explainShardPath(v.id, lang), `${JSON.stringify(shard)}\n`);
    }
  }
  return files;
}

const EMPTY = { en: '', zh: '' };

/** A shard's entry as an ArtifactEntry for explain(): the fields it does not hold are empty (the page takes them from the entry's own file). */
function expand(vendor: string, lang: Lang, policies: ExplainDataShard['policies'], c: ExplainDataEntry): ArtifactEntry {
  const kind = c.kind ?? 'error';
  const id = entryRef({ vendor, kind, code: c.code });
  return {
    id,
    vendor,
    kind,
    code: c.code,
    http_status: c.http_status ?? null,
    message: c.message ?? null,
    message_variants: (c.message_variants ?? []).map(([message, template, seen]) => ({ message, message_is_template: template, seen, source: { title: '', url: '', read: '' }, recorded: '' })),
    message_is_template: c.message_is_template === true,
    message_pattern: null,
    task_outcome: c.task_outcome ?? null,
    outcome: c.outcome,
    meaning: { ...EMPTY, [lang]: c.meaning, vendor_text: 'none' },
    remedy: { ...EMPTY, vendor_text: 'none' },
    vendor_remedy: null,
    end_user_message: { ...EMPTY, source: 'category' },
    category: c.category,
    retryable: c.retryable,
    retryable_source: 'ours',
    retryable_exception: null,
    action: c.action,
    action_source: 'category',
    action_reason: null,
    retry: c.retry !== undefined ? (policies[c.retry] ?? null) : null,
    possible_causes: [],
    equivalence_group: null,
    equivalents: [],
    example_body: null,
    history: (c.status_history ?? []).map(([value, until]) => ({ field: 'http_status' as const, value, until, source: { title: '', url: '', read: '' }, recorded: '' })),
    source: null,
    added: null,
    notes: [],
    url: '',
    url_zh: '',
    api_url: '',
  };
}

/** Thrown when the files do not belong together (another format, or a data version that changed between fetches). */
export class ExplainDataError extends Error {
  override name = 'ExplainDataError';
}

/**
 * The index explain() and Triage read, from the head and the shards of one language (every vendor's,
 * in the head's order). Only the fields the shards hold are filled in.
 */
export function explainIndex(head: ExplainDataHead, shards: readonly ExplainDataShard[]): KbIndex {
  for (const file of [head, ...shards]) {
    if (file?.format !== EXPLAIN_DATA_FORMAT) throw new ExplainDataError(`not explain data: format ${JSON.stringify(file?.format)}`);
    if (file.data_version !== head.data_version) throw new ExplainDataError(`data version ${file.data_version} is not the head's ${head.data_version}`);
  }
  const byVendor = new Map(shards.map((s) => [s.vendor, s]));
  const entries = head.vendors.flatMap((v) => {
    const shard = byVendor.get(v.id);
    if (!shard) throw new ExplainDataError(`no shard for vendor ${v.id}`);
    return shard.entries.map((c) => expand(v.id, shard.lang, shard.policies, c));
  });
  // Vendors and categories with the fields explain reads (names, envelopes, hints; outcomes, advice).
  return {
    data_version: head.data_version,
    vendors: head.vendors as unknown as readonly ArtifactVendor[],
    categories: head.categories as unknown as readonly ArtifactCategory[],
    entries,
  };
}
