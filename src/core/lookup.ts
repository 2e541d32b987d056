/**
 * Lookup over the JSON artifact (`dist/api/v1/index.json`, parsed): pure, no Node or DOM APIs, so it
 * runs in the browser, in Node and in the CLI. Codes are compared by `lookupKeys` (src/core/normalize.ts:
 * `normalizeCode`, then `compactCode`), the keys the validator keeps unique and the search uses.
 */
import type { ArtifactCategory, ArtifactEntry, ArtifactVendor, EntryKind } from './artifact-types.ts';
import { lookupKeys, MAX_QUERY_LENGTH, normalizeMessage } from './normalize.ts';
import { matchesTemplate } from './templates.ts';
import type { CodeArg, FindArg, VendorArg } from './typed.ts';
import { namesOf, vendorNamed, type VendorNames } from './vendor-names.ts';

export type {
  ArtifactCategory,
  ArtifactEntry,
  ArtifactIndex,
  ArtifactVendor,
  ArtifactVendorFile,
  EntryKind,
  Lang,
  TaskOutcome,
} from './artifact-types.ts';

/**
 * What lookup needs of an index: the entries, and (for vendor names, envelopes and category names)
 * the vendors and categories. A parsed index.json is one; so is one vendor's file (<vendor>.json,
 * `vision-error-codes/vendors/<id>.json`), which has `vendor` instead of `vendors`.
 */
export interface KbIndex {
  entries: readonly ArtifactEntry[];
  vendors?: readonly ArtifactVendor[];
  /** One vendor's file: its vendor. */
  vendor?: ArtifactVendor;
  categories?: readonly ArtifactCategory[];
  artifact_version?: string;
  data_version?: string;
  site?: string;
}

export interface Lookup {
  readonly index: KbIndex;
  /**
   * One vendor's entry for a code; without `kind`, an error code first, then a task state, then an
   * HTTP status. A literal vendor or code must be one the data has (VendorId, CodeOf): a misspelling
   * is a compile error; a `string` or `number` from a response is accepted and normalised.
   */
  lookup<V extends string, C extends string | number, K extends EntryKind = EntryKind>(vendor: VendorArg<V>, code: CodeArg<V, C, K>, kind?: K): ArtifactEntry | undefined;
  /** Every vendor's entries for a code (or an entry id such as `picwish/state/-8`), in index order; literals are checked as in lookup. */
  find<C extends string | number>(code: FindArg<C>): ArtifactEntry[];
  /** The entry with this id (`baidu-face/222202`, `picwish/http/429`), case-insensitive. */
  entry(id: string): ArtifactEntry | undefined;
  /** A vendor by id, unique id prefix (`baidu`) or name (`PicWish`, `佐糖`), case-insensitive. */
  vendor(name: string): ArtifactVendor | undefined;
  /** The vendor id for a name as `vendor()` resolves it; also works for an index without vendors. */
  vendorId(name: string): string | undefined;
  vendorIds(): string[];
  /** The vendors of the index (of a vendor's file: that one), in index order. */
  vendors(): ArtifactVendor[];
  category(id: string): ArtifactCategory | undefined;
  /** A vendor's entries in index (source) order. */
  entriesOf(vendor: string): ArtifactEntry[];
  /**
   * Entries whose literal message or message variant is `message` (compared by `normalizeMessage`),
   * or whose template (`%s`, in the message or a variant) it fills in; optionally of one vendor only.
   */
  matchMessage(message: string, vendor?: string): ArtifactEntry[];
}

const KIND_ORDER: EntryKind[] = ['error', 'sdk-error', 'task-state', 'http-status'];

/**
 * Thrown by createLookup() (and so by lookup, find, searchEntries and explain) when the index is not
 * an index.json of the knowledge base: `path` says where, e.g. `entries[0]`. A hand-made or truncated
 * index fails here, once, with this error rather than with a TypeError somewhere later.
 */
export class InvalidIndexError extends Error {
  readonly path: string;
  constructor(path: string, problem: string) {
    super(`not an index.json of the knowledge base: ${path ? `${path} ` : ''}${problem}`);
    this.name = 'InvalidIndexError';
    this.path = path;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown) => (v === undefined ? 'missing' : v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

/** The fields lookup, search, explain and the CLI read: checked once, so nothing later can throw. */
function checkIndex(index: unknown): asserts index is KbIndex {
  const need = (ok: boolean, path: string, what: string, v: unknown) => {
    if (!ok) throw new InvalidIndexError(path, `is ${describe(v)}, expected ${what}`);
  };
  const text = (o: Record<string, unknown>, path: string, key: string, nullable = false) =>
    need(typeof o[key] === 'string' || (nullable && o[key] === null), `${path}.${key}`, nullable ? 'a string or null' : 'a string', o[key]);
  const bilingual = (o: Record<string, unknown>, path: string, key: string) => {
    need(isObject(o[key]), `${path}.${key}`, 'an object with en and zh', o[key]);
    for (const lang of ['en', 'zh']) text(o[key] as Record<string, unknown>, `${path}.${key}`, lang);
  };
  need(isObject(index), '', 'an object', index);
  const o = index as Record<string, unknown>;
  need(Array.isArray(o.entries), 'entries', 'a list of entries', o.entries);
  (o.entries as unknown[]).forEach((e, i) => {
    const path = `entries[${i}]`;
    need(isObject(e), path, 'an entry object', e);
    const entry = e as Record<string, unknown>;
    for (const key of ['id', 'vendor', 'code', 'category']) text(entry, path, key);
    need(KIND_ORDER.includes(entry.kind as EntryKind), `${path}.kind`, 'error, http-status, task-state or sdk-error', entry.kind);
    text(entry, path, 'message', true);
    bilingual(entry, path, 'meaning');
    bilingual(entry, path, 'remedy');
    need(typeof entry.retryable === 'boolean', `${path}.retryable`, 'a boolean', entry.retryable);
  });
  for (const [key, fields] of [['vendors', ['name']], ['categories', ['name', 'advice']]] as const) {
    if (o[key] === undefined) continue;
    need(Array.isArray(o[key]), key, 'a list', o[key]);
    (o[key] as unknown[]).forEach((item, i) => {
      need(isObject(item), `${key}[${i}]`, 'an object', item);
      text(item as Record<string, unknown>, `${key}[${i}]`, 'id');
      for (const field of fields) bilingual(item as Record<string, unknown>, `${key}[${i}]`, field);
    });
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes a parsed index.json. Throws InvalidIndexError when it is not one. */
export function createLookup(index: KbIndex): Lookup {
  checkIndex(index);
  const entries = index.entries;
  const vendors = Array.isArray(index?.vendors) ? index.vendors : isRecord(index?.vendor) ? [index.vendor] : [];
  const categories = Array.isArray(index?.categories) ? index.categories : [];

  // vendor → canonical code → entries (any kind); and the same by compact code.
  const byCode = new Map<string, Map<string, ArtifactEntry[]>>();
  const byCompact = new Map<string, Map<string, ArtifactEntry[]>>();
  const byId = new Map<string, ArtifactEntry>();
  const byVendor = new Map<string, ArtifactEntry[]>();
  const vendorIdSet = new Set<string>();

  for (const e of entries) {
    vendorIdSet.add(e.vendor);
    byId.set(e.id.toLowerCase(), e);
    push(byVendor, e.vendor, e);
    if (!byCode.has(e.vendor)) byCode.set(e.vendor, new Map());
    if (!byCompact.has(e.vendor)) byCompact.set(e.vendor, new Map());
    const keys = lookupKeys(e.code);
    push(byCode.get(e.vendor)!, keys.exact, e);
    push(byCompact.get(e.vendor)!, keys.compact, e);
  }

  // Messages are indexed on first use: looking a code up (the CLI's usual start) never needs them.
  // A template is [its text, its entry]: an entry may have several (its message and variants).
  let messages: { byMessage: Map<string, ArtifactEntry[]>; templates: [string, ArtifactEntry][] } | undefined;
  function messageIndex() {
    if (!messages) {
      messages = { byMessage: new Map(), templates: [] };
      for (const e of entries) {
        // Messages the API was seen to return (artifact 1.3+) are matched like the documented one.
        for (const variant of e.message_variants ?? []) {
          if (typeof variant?.message !== 'string') continue;
          if (variant.message_is_template === true) messages.templates.push([variant.message, e]);
          else push(messages.byMessage, normalizeMessage(variant.message), e);
        }
        if (!e.message) continue;
        if (e.message_is_template) messages.templates.push([e.message, e]);
        else push(messages.byMessage, normalizeMessage(e.message), e);
      }
    }
    return messages;
  }
  for (const v of vendors) vendorIdSet.add(v.id);
  const vendorIdList = [...vendorIdSet];
  const vendorById = new Map(vendors.map((v) => [v.id, v]));
  const categoryById = new Map(categories.map((c) => [c.id, c]));

  const rank = new Map(entries.map((e, i) => [e, i]));
  const inOrder = (list: ArtifactEntry[]) => [...new Set(list)].sort((a, b) => rank.get(a)! - rank.get(b)!);

  // Vendors named by their entries only (no vendor record) are known by their id.
  const vendorNames: VendorNames[] = vendorIdList.map((id) => ({ id, names: vendorById.has(id) ? namesOf(vendorById.get(id)!) : [] }));
  const vendorId = (name: string) => vendorNamed(name, vendorNames);

  function candidatesOf(vendor: string, code: string | number): ArtifactEntry[] {
    const raw = String(code);
    if (raw.length > MAX_QUERY_LENGTH) return [];
    const keys = lookupKeys(raw);
    const exact = keys.exact ? byCode.get(vendor)?.get(keys.exact) : undefined;
    if (exact) return exact;
    return keys.compact ? (byCompact.get(vendor)?.get(keys.compact) ?? []) : [];
  }

  function lookup(vendor: string, code: string | number, kind?: EntryKind): ArtifactEntry | undefined {
    const id = vendorId(vendor);
    if (!id || (typeof code !== 'string' && typeof code !== 'number')) return undefined;
    const found = candidatesOf(id, code);
    const kinds = kind ? [kind] : KIND_ORDER;
    for (const k of kinds) {
      const e = found.find((x) => x.kind === k);
      if (e) return e;
    }
    return undefined;
  }

  function entry(id: string): ArtifactEntry | undefined {
    if (typeof id !== 'string' || id.length > MAX_QUERY_LENGTH) return undefined;
    const key = id.trim().toLowerCase();
    const direct = byId.get(key);
    if (direct) return direct;
    // `<vendor>/<code>` with the code in any accepted form.
    const parts = key.split('/');
    if (parts.length === 2 || parts.length === 3) {
      const kind: EntryKind | undefined = parts.length === 2 ? 'error' : parts[1] === 'http' ? 'http-status' : parts[1] === 'state' ? 'task-state' : parts[1] === 'sdk' ? 'sdk-error' : undefined;
      const vendor = vendorId(parts[0]!);
      if (vendor && kind) return lookup(vendor, parts[parts.length - 1]!, kind);
    }
    return undefined;
  }

  function find(code: string | number): ArtifactEntry[] {
    if (typeof code !== 'string' && typeof code !== 'number') return [];
    const raw = String(code);
    if (raw.includes('/')) {
      const e = entry(raw);
      return e ? [e] : [];
    }
    return inOrder(vendorIdList.flatMap((v) => candidatesOf(v, raw)));
  }

  function matchMessage(message: string, vendor?: string): ArtifactEntry[] {
    if (typeof message !== 'string' || message.length > 2000) return [];
    const key = normalizeMessage(message);
    if (!key) return [];
    const only = vendor === undefined ? undefined : vendorId(vendor);
    if (vendor !== undefined && !only) return [];
    const { byMessage, templates } = messageIndex();
    const literal = byMessage.get(key) ?? [];
    const filled = templates.filter(([template, e]) => (!only || e.vendor === only) && matchesTemplate(template, message)).map(([, e]) => e);
    return inOrder([...literal.filter((e) => !only || e.vendor === only), ...filled]);
  }

  return {
    index,
    lookup,
    find,
    entry,
    vendor: (name) => {
      const id = vendorId(name);
      return id ? vendorById.get(id) : undefined;
    },
    vendorId,
    vendorIds: () => [...vendorIdList],
    vendors: () => [...vendors],
    category: (id) => categoryById.get(id),
    entriesOf: (vendor) => {
      const id = vendorId(vendor);
      return id ? [...(byVendor.get(id) ?? [])] : [];
    },
    matchMessage,
  };
}

function isRecord(x: unknown): x is ArtifactVendor {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const cache = new WeakMap<object, Lookup>();

/** The lookup of an index, built once per index object. */
export function lookupFor(index: KbIndex | Lookup): Lookup {
  if (isLookup(index)) return index;
  let l = cache.get(index);
  if (!l) {
    l = createLookup(index);
    cache.set(index, l);
  }
  return l;
}

function isLookup(x: KbIndex | Lookup): x is Lookup {
  return typeof (x as Lookup).lookup === 'function' && typeof (x as Lookup).find === 'function';
}

/** `lookup(index, 'baidu-face', '222202')`: one vendor's entry for a code (literals checked as in Lookup.lookup). */
export function lookup<V extends string, C extends string | number, K extends EntryKind = EntryKind>(
  index: KbIndex | Lookup,
  vendor: VendorArg<V>,
  code: CodeArg<V, C, K>,
  kind?: K,
): ArtifactEntry | undefined {
  return lookupFor(index).lookup<string, string | number>(vendor, code, kind);
}

/** `find(index, code)`: every vendor's entries for a code (a literal must be a code or entry id of the data). */
export function find<C extends string | number>(index: KbIndex | Lookup, code: FindArg<C>): ArtifactEntry[] {
  return lookupFor(index).find<string | number>(code);
}
