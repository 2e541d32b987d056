/**
 * Explain a response body: which vendor sent it, which entry it is, whether the call succeeded,
 * is still pending or failed, and what to do. Pure (no Node or DOM APIs): the site's "Explain a
 * response" page and the CLI run the same code.
 *
 * How a vendor is recognised is read from the data: every vendor's `envelope.code_field`
 * (`error_detail.code`, `error_code`, `data.state`, `code`). A nested field present in the body
 * (AILabTools' error_detail.code, PicWish's data.state) decides; where vendors share a field
 * (Baidu and G42 both use error_code/error_msg) the code decides: a code one vendor has, else the
 * shape of the vendor's codes (Baidu: digits; G42: `AIS.0014`, `APIG.0308`, `ModelArts.4204`).
 *
 * explain() never throws on a body (only InvalidIndexError, for an index that is not one). Input is only read, never assigned into (own properties only, via
 * Object.hasOwn), nesting is never walked recursively, and the work is capped: bodies above
 * EXPLAIN_LIMITS.maxBodyChars are not parsed, lenient parsing stops at maxLenientChars, and
 * messages above 2000 characters are not compared.
 */
import type { ArtifactEntry, ArtifactVendor, EntryKind, TaskOutcome } from './artifact-types.ts';
import { lookupFor, type KbIndex, type Lookup } from './lookup.ts';
import { MAX_QUERY_LENGTH, normalizeMessage } from './normalize.ts';
import { matchesTemplate } from './templates.ts';

export type ExplainOutcome = 'success' | 'pending' | 'failure' | 'unknown';

export interface ExplainOptions {
  /** The HTTP status the response came with, if known. */
  httpStatus?: number;
  /** A vendor id (or unique prefix or name) when you know who sent the response. */
  vendor?: string;
}

export interface Bilingual {
  en: string;
  zh: string;
}

export interface ExplainResult {
  /** What the response means for the call: finished, still running, failed, or undecidable. */
  outcome: ExplainOutcome;
  /** The vendor that sent it, when it could be told. */
  vendor?: string;
  /** The entry that explains it. */
  entry?: ArtifactEntry;
  /** Other entries that may apply (when undecided: every plausible entry, at most maxCandidates). */
  candidates: ArtifactEntry[];
  /** Can the same request succeed later unchanged? Only when known. */
  retryable?: boolean;
  /** What to do, in English and Chinese. */
  advice: Bilingual;
  /** How the answer was reached, one sentence each, in English… */
  reasons: string[];
  /** …and the same sentences in Chinese. */
  reasonsZh: string[];
  /** The code read from the body (always a string), if any. */
  code?: string;
  /** The message read from the body, if any. */
  message?: string;
  /** The HTTP status used: the option, or a status line pasted with the body. */
  httpStatus?: number;
}

export const EXPLAIN_LIMITS = {
  /** Longer bodies are not parsed at all. */
  maxBodyChars: 16 * 1024 * 1024,
  /** Longer bodies get strict JSON.parse only (no comment stripping, no search for the JSON part). */
  maxLenientChars: 256 * 1024,
  maxCandidates: 20,
} as const;

// ── Reading untrusted values ─────────────────────────────────────────────────

type Rec = Record<string, unknown>;

function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property only: `__proto__`, `constructor` and inherited keys never resolve. */
function own(o: unknown, key: string): unknown {
  return isRecord(o) && Object.hasOwn(o, key) ? o[key] : undefined;
}

/** A dotted path, own properties at every step (paths come from our data, never from input). */
function at(o: unknown, path: string): unknown {
  let cur: unknown = o;
  for (const key of path.split('.')) {
    cur = own(cur, key);
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** A code as a string: strings trimmed, integers written out; anything else is not a code. */
function codeString(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const s = v.trim();
    return s.length <= MAX_QUERY_LENGTH ? s : undefined;
  }
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return undefined;
}

function textOf(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function statusOf(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\s*\d{3}\s*$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

// ── Parsing the pasted text ──────────────────────────────────────────────────

type Parsed =
  | { kind: 'json'; value: unknown; status?: number; lenient?: boolean }
  | { kind: 'text'; text: string; status?: number }
  | { kind: 'empty' }
  | { kind: 'too-large'; length: number }
  | { kind: 'invalid'; what: string };

/** `HTTP/1.1 400 Bad Request`, `STATUS CODE 400`, `status: 429` before the JSON. */
const STATUS_LINE = /(?:^|\n)[ \t]*(?:HTTP\/\d(?:\.\d)?[ \t]+|STATUS(?:[ _]?CODE)?[ \t]*[:=]?[ \t]*)([1-5]\d\d)\b/i;

/**
 * Comments (`//`, `/* *\/`) outside strings removed, and trailing commas before `}`/`]`: vendor
 * documents show bodies like that. Linear, no recursion.
 */
function relaxJson(text: string): string {
  let out = '';
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\' && i + 1 < text.length) {
        out += text[i + 1];
        i += 2;
        continue;
      }
      if (c === '"') inString = false;
      i++;
    } else if (c === '"') {
      inString = true;
      out += c;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else if (c === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] !== '}' && text[j] !== ']') out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function parseText(raw: string): Parsed {
  if (raw.length > EXPLAIN_LIMITS.maxBodyChars) return { kind: 'too-large', length: raw.length };
  const text = raw.replace(/^\uFEFF/, '').trim();
  if (!text) return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) };
  } catch {
    // not strict JSON: try the lenient reading below
  }
  if (text.length > EXPLAIN_LIMITS.maxLenientChars) return { kind: 'invalid', what: 'json' };
  const open = text.search(/[{[]/);
  const status = statusOf(STATUS_LINE.exec(open >= 0 ? text.slice(0, open) : text)?.[1]);
  if (open >= 0) {
    const close = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
    if (close > open) {
      const json = text.slice(open, close + 1);
      for (const attempt of [json, relaxJson(json)]) {
        try {
          return { kind: 'json', value: JSON.parse(attempt), status, lenient: true };
        } catch {
          // next attempt
        }
      }
    }
  }
  return { kind: 'text', text, status };
}

function toParsed(body: unknown): Parsed {
  if (body === undefined || body === null) return { kind: 'empty' };
  if (typeof body === 'string') return parseText(body);
  if (typeof body === 'number') return Number.isFinite(body) ? { kind: 'text', text: String(body) } : { kind: 'invalid', what: 'number' };
  if (body instanceof Uint8Array) {
    if (body.length > EXPLAIN_LIMITS.maxBodyChars * 4) return { kind: 'too-large', length: body.length };
    if (typeof TextDecoder !== 'function') return { kind: 'invalid', what: 'bytes' };
    return parseText(new TextDecoder('utf-8', { fatal: false }).decode(body));
  }
  if (typeof body === 'object') return { kind: 'json', value: body };
  return { kind: 'invalid', what: typeof body };
}

// ── Vendors: how each one's responses are read comes from its envelope in the data ──

interface VendorRules {
  /** Older or alternative fields that carry the code when envelope.code_field is absent. */
  codeFields: string[];
  /** More fields that carry a message besides envelope.message_field. */
  messages: string[];
  /** Body fields that repeat the HTTP status. */
  statusFields: string[];
  /** A vendor whose codes and messages this one forwards inside its own messages. */
  upstream?: { vendor: string; separator: string };
  /** Outcome of a task state the data does not list, by range; undefined when no range holds it. */
  unknownState: (n: number) => TaskOutcome | undefined;
  /** Task id field: present without a state, the task was created and is pending. */
  taskId?: string;
}

const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((f): f is string => typeof f === 'string' && f !== '') : []);
const isOutcome = (x: unknown): x is TaskOutcome => x === 'pending' || x === 'success' || x === 'failure';

/** The reading rules of a vendor's envelope; tolerant of an index written by hand or by an older build. */
function rulesOf(v: ArtifactVendor | undefined): VendorRules {
  const e: Record<string, unknown> = v && isRecord(v.envelope) ? v.envelope : {};
  const fw = isRecord(e.forwards_from) ? e.forwards_from : undefined;
  const ranges = (Array.isArray(e.unlisted_task_states) ? e.unlisted_task_states : []).filter(isRecord);
  const bound = (x: unknown) => (typeof x === 'number' ? x : undefined);
  return {
    codeFields: strings(e.alternate_code_fields),
    messages: strings(e.extra_message_fields),
    statusFields: strings(e.status_fields),
    upstream:
      fw && typeof fw.vendor === 'string' && typeof fw.separator === 'string' && fw.separator !== ''
        ? { vendor: fw.vendor, separator: fw.separator }
        : undefined,
    unknownState: (n) => {
      for (const r of ranges) {
        const min = bound(r.min);
        const max = bound(r.max);
        if ((min === undefined || n >= min) && (max === undefined || n <= max) && isOutcome(r.outcome)) return r.outcome;
      }
      return undefined;
    },
    taskId: typeof e.task_id_field === 'string' && e.task_id_field !== '' ? e.task_id_field : undefined,
  };
}

const FALLBACK_FIELDS = { code: 'error_code', message: 'error_msg' };
/** Where unknown vendors usually put codes and messages: used only when no vendor is recognised. */
const GENERIC_CODE_FIELDS = ['error_code', 'code', 'error_detail.code', 'data.state', 'errorCode', 'err_code', 'error.code'];
const GENERIC_STATUS_FIELDS = ['status', 'status_code', 'http_status', 'httpStatus'];
const GENERIC_MESSAGE_FIELDS = ['error_msg', 'message', 'msg', 'error_message', 'errorMessage', 'error_detail.code_message', 'error_detail.message', 'error.message'];

/** The entry's outcome as the artifact states it (its task outcome, else its category's); 'informational' says nothing either way. */
function outcomeOf(e: ArtifactEntry, l: Lookup): ExplainOutcome {
  if (e.kind === 'task-state' && e.task_outcome) return e.task_outcome;
  const outcome = e.outcome ?? l.category(e.category)?.outcome;
  if (outcome === 'success' || outcome === 'pending' || outcome === 'failure') return outcome;
  return outcome === 'informational' ? 'unknown' : 'failure';
}

/** `AIS.0014` → `a.9`, `222202` → `9`, `-8` → `-9`: what a vendor's codes look like. */
function shapeOf(code: string): string {
  return code.replace(/\p{L}+/gu, 'a').replace(/\d+/g, '9');
}

const shapeCache = new WeakMap<Lookup, Map<string, Set<string>>>();
function codeShapes(l: Lookup, vendor: string): Set<string> {
  let byVendor = shapeCache.get(l);
  if (!byVendor) shapeCache.set(l, (byVendor = new Map()));
  let shapes = byVendor.get(vendor);
  if (!shapes) {
    shapes = new Set(l.entriesOf(vendor).filter((e) => e.kind !== 'http-status').map((e) => shapeOf(e.code)));
    byVendor.set(vendor, shapes);
  }
  return shapes;
}

const successKeyCache = new WeakMap<Lookup, Map<string, Set<string>>>();
/** Top-level fields of a vendor's documented success example. */
function successKeys(l: Lookup, vendor: string): Set<string> {
  let byVendor = successKeyCache.get(l);
  if (!byVendor) successKeyCache.set(l, (byVendor = new Map()));
  let keys = byVendor.get(vendor);
  if (!keys) {
    const body = l.vendor(vendor)?.envelope.example_success?.body;
    const parsed = typeof body === 'string' ? parseText(body) : undefined;
    keys = new Set(parsed?.kind === 'json' && isRecord(parsed.value) ? Object.keys(parsed.value) : []);
    byVendor.set(vendor, keys);
  }
  return keys;
}

// ── The answer under construction ────────────────────────────────────────────

const ADVICE = {
  success: {
    en: 'The call succeeded: read the result from the body. Nothing to fix.',
    zh: '调用成功：从响应体中读取结果即可，无需处理。',
  },
  pending: {
    en: 'The task is still running: query it again after a short wait, until it succeeds or fails.',
    zh: '任务仍在处理中：稍等片刻后再次查询，直到成功或失败。',
  },
  unknownCode: {
    en: "This code is not in the knowledge base. Check the vendor's current documentation; if it persists, contact the vendor's support with the request or log id from the response.",
    zh: '知识库中没有该错误码。请查阅厂商的最新文档；如果问题持续，请携带响应中的请求 ID 或日志 ID 联系厂商技术支持。',
  },
  failure: {
    en: 'The call failed, but the response says too little to tell why. Paste the whole body, add the HTTP status, or choose the vendor.',
    zh: '调用失败，但响应中的信息不足以判断原因。请粘贴完整的响应体、填写 HTTP 状态码，或选择厂商。',
  },
  candidates: {
    en: 'Several entries fit: pick the one of the vendor you called (see the candidates), or add the vendor or the HTTP status.',
    zh: '有多个条目符合：请在候选条目中选择所调用厂商的条目，或补充厂商或 HTTP 状态码。',
  },
  unknown: {
    en: 'Could not tell what this response means. Paste the whole JSON body as received, add the HTTP status, or choose the vendor.',
    zh: '无法判断该响应的含义。请粘贴收到的完整 JSON 响应体、填写 HTTP 状态码，或选择厂商。',
  },
} satisfies Record<string, Bilingual>;

class Answer {
  outcome: ExplainOutcome = 'unknown';
  vendor?: string;
  entry?: ArtifactEntry;
  candidates: ArtifactEntry[] = [];
  advice?: Bilingual;
  reasons: string[] = [];
  reasonsZh: string[] = [];
  code?: string;
  message?: string;
  httpStatus?: number;

  because(en: string, zh: string): void {
    this.reasons.push(en);
    // Names are put in with spaces around them; Chinese keeps spaces only next to Latin text.
    this.reasonsZh.push(zh.replace(/(?<=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef])\s+(?=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef])/g, ''));
  }

  addCandidates(list: readonly ArtifactEntry[]): void {
    for (const e of list) if (e !== this.entry && !this.candidates.includes(e)) this.candidates.push(e);
  }

  result(l: Lookup): ExplainResult {
    const candidates = this.candidates.filter((e) => e !== this.entry);
    const max = EXPLAIN_LIMITS.maxCandidates;
    if (candidates.length > max)
      this.because(`${candidates.length} entries fit; the first ${max} are listed.`, `共有 ${candidates.length} 个条目符合，仅列出前 ${max} 个。`);
    const shown = candidates.slice(0, max);
    let retryable = this.entry?.retryable;
    let advice = this.advice ?? (this.entry ? { en: this.entry.remedy.en, zh: this.entry.remedy.zh } : undefined);
    if (!this.entry && shown.length > 0) {
      // Undecided, but the candidates may agree on what matters.
      if (shown.every((e) => e.retryable === shown[0]!.retryable)) retryable = shown[0]!.retryable;
      const category = shown.every((e) => e.category === shown[0]!.category) ? l.category(shown[0]!.category) : undefined;
      advice ??= category ? { en: category.advice.en, zh: category.advice.zh } : ADVICE.candidates;
    }
    advice ??= this.outcome === 'success' ? ADVICE.success : this.outcome === 'pending' ? ADVICE.pending : this.outcome === 'failure' ? ADVICE.failure : ADVICE.unknown;
    return {
      outcome: this.outcome,
      ...(this.vendor ? { vendor: this.vendor } : {}),
      ...(this.entry ? { entry: this.entry } : {}),
      candidates: shown,
      ...(retryable !== undefined ? { retryable } : {}),
      advice,
      reasons: this.reasons,
      reasonsZh: this.reasonsZh,
      ...(this.code !== undefined ? { code: this.code } : {}),
      ...(this.message !== undefined ? { message: this.message } : {}),
      ...(this.httpStatus !== undefined ? { httpStatus: this.httpStatus } : {}),
    };
  }
}

const quote = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}…` : s);

// ── explain() ────────────────────────────────────────────────────────────────

/**
 * Explain a response body (text as received, or already parsed) with the HTTP status and vendor
 * when known. `index` is the parsed dist/api/v1/index.json (or a lookup made from it).
 */
export function explain(body: string | unknown, options: ExplainOptions = {}, index: KbIndex | Lookup): ExplainResult {
  const a = new Answer();
  // A malformed index is the caller's mistake, not the body's: InvalidIndexError, like lookup and find.
  const l = lookupFor(index);
  try {
    new Explainer(l, a).run(body, isRecord(options) ? options : {});
    return a.result(l);
  } catch (error) {
    // Not expected; a hostile object (getters, proxies) could still get here. Never throw.
    const detail = error instanceof Error ? error.message : String(error);
    a.outcome = 'unknown';
    a.because(`Internal error while reading the input: ${detail.slice(0, 200)}`, `读取输入时发生内部错误：${detail.slice(0, 200)}`);
    return {
      outcome: 'unknown',
      candidates: [],
      advice: ADVICE.unknown,
      reasons: a.reasons,
      reasonsZh: a.reasonsZh,
    };
  }
}

class Explainer {
  readonly l: Lookup;
  readonly a: Answer;
  hint?: string;

  constructor(l: Lookup, a: Answer) {
    this.l = l;
    this.a = a;
  }

  name(vendor: string, lang: 'en' | 'zh'): string {
    const v = this.l.vendor(vendor);
    return v ? (v.short_name ?? v.name)[lang] : vendor;
  }

  run(body: unknown, options: Rec): void {
    const { a, l } = this;
    const status = options.httpStatus;
    if (status !== undefined) {
      a.httpStatus = statusOf(status);
      if (a.httpStatus === undefined) a.because(`Ignored the HTTP status ${String(status).slice(0, 20)}: not a status between 100 and 599.`, `已忽略 HTTP 状态码 ${String(status).slice(0, 20)}：不是 100 到 599 之间的状态码。`);
    }
    if (options.vendor !== undefined && options.vendor !== '') {
      this.hint = typeof options.vendor === 'string' ? l.vendorId(options.vendor) : undefined;
      if (!this.hint) {
        const shown = String(options.vendor).slice(0, 40);
        a.because(`Ignored the vendor "${shown}": not one of ${l.vendorIds().join(', ')}.`, `已忽略厂商“${shown}”：不是 ${l.vendorIds().join('、')} 之一。`);
      }
    }

    const parsed = toParsed(body);
    if ((parsed.kind === 'json' || parsed.kind === 'text') && parsed.status !== undefined && a.httpStatus === undefined) {
      a.httpStatus = parsed.status;
      a.because(`Read HTTP status ${parsed.status} from the status line before the body.`, `从响应体前的状态行读取到 HTTP 状态码 ${parsed.status}。`);
    }
    if (parsed.kind === 'json' && parsed.lenient)
      a.because('The text is not strict JSON; read the JSON object in it (comments and trailing commas ignored).', '文本不是严格的 JSON；已读取其中的 JSON 对象（忽略注释和末尾逗号）。');

    switch (parsed.kind) {
      case 'too-large':
        a.because(
          `The body is too large to read (${parsed.length} characters; the limit is ${EXPLAIN_LIMITS.maxBodyChars}). Paste only the error fields.`,
          `响应体过大，无法读取（${parsed.length} 个字符，上限为 ${EXPLAIN_LIMITS.maxBodyChars}）。请只粘贴错误相关字段。`,
        );
        return this.fromStatus();
      case 'empty':
        if (a.httpStatus === undefined) a.because('Nothing to explain: the body is empty and there is no HTTP status.', '没有可解读的内容：响应体为空，也没有 HTTP 状态码。');
        else a.because('The body is empty.', '响应体为空。');
        return this.fromStatus();
      case 'invalid':
        a.because(
          parsed.what === 'json' ? 'The body is not valid JSON.' : `Cannot read a ${parsed.what} as a response body.`,
          parsed.what === 'json' ? '响应体不是有效的 JSON。' : `无法把 ${parsed.what} 当作响应体读取。`,
        );
        return this.fromStatus();
      case 'text':
        return this.fromText(parsed.text);
      case 'json': {
        const v = parsed.value;
        if (isRecord(v)) return this.fromObject(v);
        if (Array.isArray(v)) {
          a.because('The body is a JSON array; the APIs in the knowledge base answer with a JSON object.', '响应体是 JSON 数组；本知识库收录的 API 的响应都是 JSON 对象。');
          return this.fromStatus();
        }
        if (typeof v === 'string' || typeof v === 'number') return this.fromText(String(v));
        a.because(`The body is the JSON value ${String(v)}, not a response object.`, `响应体是 JSON 值 ${String(v)}，不是响应对象。`);
        return this.fromStatus();
      }
    }
  }

  /** Decide the outcome from what is known: one entry, or candidates that agree. */
  settle(list: ArtifactEntry[], fallback: ExplainOutcome): void {
    const { a } = this;
    if (list.length === 1) {
      a.entry = list[0];
      a.vendor = list[0]!.vendor;
      a.outcome = outcomeOf(list[0]!, this.l);
      return;
    }
    a.addCandidates(list);
    if (list.length === 0) {
      a.outcome = fallback;
      return;
    }
    const outcomes = new Set(list.map((e) => outcomeOf(e, this.l)));
    a.outcome = outcomes.size === 1 ? [...outcomes][0]! : fallback;
    const vendors = new Set(list.map((e) => e.vendor));
    if (vendors.size === 1) a.vendor = list[0]!.vendor;
  }

  /** Only the HTTP status (and maybe the vendor) is known. */
  fromStatus(): void {
    const { a, l } = this;
    const status = a.httpStatus;
    const vendor = this.hint;
    if (vendor) a.vendor = vendor;
    if (status === undefined) return;
    const fallback: ExplainOutcome = status >= 400 ? 'failure' : 'unknown';
    if (vendor) {
      const e = l.lookup(vendor, status, 'http-status');
      if (e) {
        a.because(`${this.name(vendor, 'en')} documents HTTP ${status}.`, `${this.name(vendor, 'zh')} 的文档说明了 HTTP ${status}。`);
        return this.settle([e], fallback);
      }
      a.because(`${this.name(vendor, 'en')} documents no meaning for HTTP ${status}.`, `${this.name(vendor, 'zh')} 的文档没有说明 HTTP ${status}。`);
      a.outcome = fallback;
      return;
    }
    const list = l.find(status).filter((e) => e.kind === 'http-status');
    if (list.length > 0)
      a.because(
        `HTTP ${status} is documented by ${[...new Set(list.map((e) => this.name(e.vendor, 'en')))].join(', ')}; without the vendor the entry cannot be chosen.`,
        `${[...new Set(list.map((e) => this.name(e.vendor, 'zh')))].join('、')} 的文档说明了 HTTP ${status}；不知道厂商时无法确定条目。`,
      );
    a.addCandidates(list);
    a.outcome = fallback;
    if (status >= 400) a.because(`HTTP ${status} is an error status: the call failed.`, `HTTP ${status} 是错误状态码：调用失败。`);
  }

  /**
   * `Internal Server Error` alone: the standard reason phrase of an HTTP status, which every API's
   * server or gateway may send. That one vendor's data lists it as a message does not make it that
   * vendor's: without the vendor, every vendor's entries for the status are candidates.
   */
  reasonPhrase(text: string, status: number): void {
    const { a, l } = this;
    a.message = text;
    a.httpStatus ??= status;
    a.because(
      `Not a JSON object: ${quote(text)} is the standard reason phrase of HTTP ${status}, which any of the APIs (or a proxy in front of them) can send; choose the vendor to get one entry.`,
      `不是 JSON 对象：${quote(text)} 是 HTTP ${status} 的标准原因短语，任何一家 API（或其前面的代理）都可能返回；请选择厂商以确定条目。`,
    );
    const list = [...new Set([...l.find(status), ...(l.index.entries ?? []).filter((e) => e.http_status === status)])];
    this.settle(list, 'failure');
  }

  /** Plain text or a bare JSON string/number: a code, or a message. */
  fromText(text: string): void {
    const { a, l } = this;
    const only = (list: ArtifactEntry[]) => (this.hint ? list.filter((e) => e.vendor === this.hint) : list);
    const t = text.trim();
    if (t.length <= 100 && !/[\n{}]/.test(t)) {
      const byCode = only(l.find(t));
      if (byCode.length > 0) {
        a.code = t;
        a.because(`Not a JSON object: read ${quote(t)} as a code.`, `不是 JSON 对象：已把 ${quote(t)} 当作错误码读取。`);
        return this.settle(byCode, a.httpStatus !== undefined && a.httpStatus >= 400 ? 'failure' : 'unknown');
      }
    }
    if (t.length <= 2000) {
      const byMessage = only(l.matchMessage(t));
      if (!this.hint && byMessage.length > 0 && byMessage.every((e) => e.kind === 'http-status') && new Set(byMessage.map((e) => e.code)).size === 1)
        return this.reasonPhrase(t, Number(byMessage[0]!.code));
      if (byMessage.length > 0) {
        a.message = t;
        a.because(`Not a JSON object: read ${quote(t)} as a message.`, `不是 JSON 对象：已把 ${quote(t)} 当作消息读取。`);
        if (byMessage.length > 1) a.because(`${byMessage.length} entries have this message.`, `共有 ${byMessage.length} 个条目使用该消息。`);
        return this.settle(byMessage, 'failure');
      }
    }
    if (/^[{[]/.test(t)) a.because('The body is not valid JSON.', '响应体不是有效的 JSON。');
    else a.because('The body is not JSON, and not a known code or message.', '响应体不是 JSON，也不是已知的错误码或消息。');
    this.fromStatus();
  }

  /** The field that carries a vendor's code in this body: envelope.code_field, else an older one. */
  codeFieldIn(vendor: string, o: Rec): string | undefined {
    const v = this.l.vendor(vendor);
    const fields = [v?.envelope.code_field ?? FALLBACK_FIELDS.code, ...rulesOf(v).codeFields];
    return fields.find((f) => at(o, f) !== undefined);
  }

  /** Which vendor's envelope is this? */
  recognise(o: Rec): { vendor?: string; among?: string[] } {
    const { a, l } = this;
    const vendors = l.vendors().filter((v) => isRecord(v.envelope) && typeof v.envelope.code_field === 'string');
    const present = vendors.flatMap((v) => {
      const field = this.codeFieldIn(v.id, o);
      return field ? [{ id: v.id, field }] : [];
    });
    if (present.length === 0) {
      // No code field (G42 success bodies carry none; a PicWish task just created has no state yet):
      // the fields of a vendor's documented success example tell.
      const keys = Object.keys(o);
      const alike = keys.length > 0
        ? vendors.filter((v) => {
            // Every field of the body is one of the example's, and enough of them to mean something
            // (a lone `message` is not SoftSugar's {code, message, data}).
            const example = successKeys(l, v.id);
            return example.size > 0 && keys.length >= Math.min(2, example.size) && keys.every((k) => example.has(k));
          })
        : [];
      if (alike.length === 1) {
        const v = alike[0]!;
        a.because(`The body has the fields of ${this.name(v.id, 'en')}'s success example (${keys.join(', ')}).`, `响应体的字段与 ${this.name(v.id, 'zh')} 的成功响应示例一致（${keys.join('、')}）。`);
        return { vendor: v.id };
      }
      return {};
    }
    const depth = (p: { field: string }) => p.field.split('.').length;
    const deepest = Math.max(...present.map(depth));
    let among = deepest > 1 ? present.filter((p) => depth(p) === deepest) : present;
    const shared = (p: { field: string }) => among.filter((q) => q.field === p.field).length > 1;
    const own = among.filter((p) => !shared(p));
    if (among.length === 1 || own.length === 1) {
      const p = among.length === 1 ? among[0]! : own[0]!;
      a.because(`The body has ${p.field}, where ${this.name(p.id, 'en')} puts its code.`, `响应体中有 ${p.field} 字段，${this.name(p.id, 'zh')} 的错误码就在该字段中。`);
      return { vendor: p.id };
    }
    // Vendors sharing a field (Baidu and G42: error_code): decide by the code.
    const fields = [...new Set(among.map((p) => p.field))].join(', ');
    const sharing = { en: among.map((p) => this.name(p.id, 'en')).join(' and '), zh: among.map((p) => this.name(p.id, 'zh')).join(' 和 ') };
    const codeIn = (p: { field: string }) => codeString(at(o, p.field));
    const having = among.filter((p) => {
      const code = codeIn(p);
      return code !== undefined && code !== '' && this.bodyEntry(p.id, code) !== undefined;
    });
    if (having.length === 1) {
      const p = having[0]!;
      a.because(
        `The body has ${fields} (used by ${sharing.en}); ${quote(codeIn(p)!)} is a ${this.name(p.id, 'en')} code.`,
        `响应体中有 ${fields} 字段（${sharing.zh}都使用）；${quote(codeIn(p)!)} 是 ${this.name(p.id, 'zh')} 的错误码。`,
      );
      return { vendor: p.id };
    }
    const shaped = among.filter((p) => {
      const code = codeIn(p);
      return code !== undefined && code !== '' && codeShapes(l, p.id).has(shapeOf(code));
    });
    if (shaped.length === 1) {
      const p = shaped[0]!;
      a.because(
        `The body has ${fields} (used by ${sharing.en}); ${quote(codeIn(p)!)} has the shape of ${this.name(p.id, 'en')} codes.`,
        `响应体中有 ${fields} 字段（${sharing.zh}都使用）；${quote(codeIn(p)!)} 的格式与 ${this.name(p.id, 'zh')} 的错误码一致。`,
      );
      return { vendor: p.id };
    }
    if (shaped.length > 1) among = shaped;
    const raw = at(o, among[0]!.field);
    if (codeIn(among[0]!) === undefined)
      a.because(`${among[0]!.field} is not a code (${Array.isArray(raw) ? 'an array' : `a ${typeof raw}`}).`, `${among[0]!.field} 不是错误码（类型为 ${Array.isArray(raw) ? 'array' : typeof raw}）。`);
    a.because(
      `The body's fields fit ${among.map((p) => this.name(p.id, 'en')).join(', ')}; cannot tell which.`,
      `响应体的字段符合 ${among.map((p) => this.name(p.id, 'zh')).join('、')}，无法确定是哪一家。`,
    );
    return { among: among.map((p) => p.id) };
  }

  /** The entry for a code found in a body: an error code or a task state, never an HTTP status. */
  bodyEntry(vendor: string, code: string): ArtifactEntry | undefined {
    return this.l.lookup(vendor, code, 'error') ?? this.l.lookup(vendor, code, 'task-state');
  }

  fromObject(o: Rec): void {
    const { a } = this;
    if (this.hint) {
      a.because(`Vendor given: ${this.name(this.hint, 'en')}.`, `已指定厂商：${this.name(this.hint, 'zh')}。`);
      return this.forVendor(this.hint, o);
    }
    const { vendor, among } = this.recognise(o);
    if (vendor) return this.forVendor(vendor, o);
    this.generic(o, among);
  }

  forVendor(vendor: string, o: Rec): void {
    const { a, l } = this;
    a.vendor = vendor;
    const v = l.vendor(vendor);
    const rules = rulesOf(v);
    const codeField = this.codeFieldIn(vendor, o) ?? v?.envelope.code_field ?? FALLBACK_FIELDS.code;
    const messageField = v ? v.envelope.message_field : FALLBACK_FIELDS.message;
    const codeKind: EntryKind = l.entriesOf(vendor).some((e) => e.kind === 'error') ? 'error' : 'task-state';

    const rawCode = at(o, codeField);
    const code = codeString(rawCode);
    if (rawCode !== undefined && code === undefined)
      a.because(`${codeField} is not a code (a ${Array.isArray(rawCode) ? 'array' : typeof rawCode}); ignored.`, `${codeField} 不是错误码（类型为 ${Array.isArray(rawCode) ? 'array' : typeof rawCode}），已忽略。`);
    if (code !== undefined && code !== '') a.code = code;

    const primaryMessage = messageField ? textOf(at(o, messageField)) : undefined;
    const otherMessages = rules.messages.map((f) => textOf(at(o, f))).filter((m): m is string => m !== undefined && m !== primaryMessage);
    const messages = [primaryMessage, ...otherMessages].filter((m): m is string => m !== undefined);
    if (messages[0] !== undefined) a.message = messages[0].slice(0, 2000);

    if (a.httpStatus === undefined) {
      for (const field of rules.statusFields) {
        const s = statusOf(at(o, field));
        if (s !== undefined) {
          a.httpStatus = s;
          a.because(`Read HTTP status ${s} from ${field} in the body.`, `从响应体的 ${field} 字段读取到 HTTP 状态码 ${s}。`);
          break;
        }
      }
    }
    const status = a.httpStatus;
    const statusEntry = status !== undefined ? l.lookup(vendor, status, 'http-status') : undefined;

    // A task-state vendor (PicWish): a non-200 status is a request-level error, whatever the body.
    if (codeKind === 'task-state' && status !== undefined && status !== 200 && status >= 300) {
      a.because(`HTTP ${status}: the request itself failed, before any task state.`, `HTTP ${status}：请求本身失败，与任务状态无关。`);
      return this.fromStatus();
    }

    const entry = code ? this.bodyEntry(vendor, code) : undefined;
    if (entry) {
      a.because(
        `${quote(code!)} is ${entry.id}, a ${entry.kind === 'task-state' ? 'task state' : 'code'} of ${this.name(vendor, 'en')}.`,
        `${quote(code!)} 是 ${this.name(vendor, 'zh')} 的${entry.kind === 'task-state' ? '任务状态' : '错误码'}：${entry.id}。`,
      );
      this.checkMessage(entry, primaryMessage);
      this.upstream(rules, otherMessages);
      return this.settle([entry], 'failure');
    }

    const success = code === undefined || code === '' || code === '0';
    if (!success) {
      a.because(`${quote(code!)} is not in ${this.name(vendor, 'en')}'s table.`, `${this.name(vendor, 'zh')} 的错误码表中没有 ${quote(code!)}。`);
      // The message may still say which entry it is.
      const byMessage = [...new Set(messages.flatMap((m) => l.matchMessage(m, vendor)))];
      if (byMessage.length > 0) {
        a.because(
          byMessage.length === 1 ? `The message matches ${byMessage[0]!.id}.` : `The message matches ${byMessage.length} entries.`,
          byMessage.length === 1 ? `消息与 ${byMessage[0]!.id} 一致。` : `消息与 ${byMessage.length} 个条目一致。`,
        );
        this.upstream(rules, otherMessages);
        return this.settle(byMessage, 'failure');
      }
      this.upstream(rules, otherMessages);
      const elsewhere = l.find(code!).filter((e) => e.vendor !== vendor && e.kind !== 'http-status');
      if (elsewhere.length > 0) {
        a.because(
          `${quote(code!)} is a code of ${[...new Set(elsewhere.map((e) => this.name(e.vendor, 'en')))].join(', ')} (listed as candidates).`,
          `${quote(code!)} 是 ${[...new Set(elsewhere.map((e) => this.name(e.vendor, 'zh')))].join('、')} 的错误码（列为候选）。`,
        );
        a.addCandidates(elsewhere);
      }
      const n = Number(code);
      const byRange = codeKind === 'task-state' && Number.isInteger(n) ? rules.unknownState(n) : undefined;
      if (byRange) {
        a.outcome = byRange;
        a.because(`By ${this.name(vendor, 'en')}'s rule for task states, ${n} means ${a.outcome}.`, `按 ${this.name(vendor, 'zh')} 的任务状态规则，${n} 表示${a.outcome === 'success' ? '成功' : a.outcome === 'pending' ? '处理中' : '失败'}。`);
        return;
      }
      if (statusEntry && status! >= 400) {
        a.because(`Explaining HTTP ${status} instead, as ${this.name(vendor, 'en')} documents it.`, `改为按 ${this.name(vendor, 'zh')} 文档中的 HTTP ${status} 解读。`);
        a.entry = statusEntry;
        a.outcome = 'failure';
        return;
      }
      a.outcome = 'failure';
      a.advice = ADVICE.unknownCode;
      return;
    }

    // No code, an empty code or 0.
    if (status !== undefined && status >= 400) {
      a.because(`No error code in the body, but HTTP ${status}: the call failed.`, `响应体中没有错误码，但 HTTP 状态码为 ${status}：调用失败。`);
      if (statusEntry) return this.settle([statusEntry], 'failure');
      a.outcome = 'failure';
      return;
    }
    if (codeKind === 'task-state') {
      if (rules.taskId && at(o, rules.taskId) !== undefined) {
        a.because(`The body has ${rules.taskId} but no ${codeField}: the task was created and is not finished yet.`, `响应体中有 ${rules.taskId} 但没有 ${codeField}：任务已创建，尚未完成。`);
        a.outcome = 'pending';
        return;
      }
      a.because(`The body has no ${codeField}: cannot tell how the task went.`, `响应体中没有 ${codeField}：无法判断任务结果。`);
      if (statusEntry) a.entry = statusEntry;
      a.outcome = 'unknown';
      return;
    }
    if (code === undefined) {
      const byMessage = [...new Set(messages.flatMap((m) => l.matchMessage(m, vendor)))].filter((e) => e.kind !== 'http-status');
      if (byMessage.length > 0) {
        a.because(`No ${codeField} in the body, but the message matches ${byMessage.length === 1 ? byMessage[0]!.id : `${byMessage.length} entries`}.`, `响应体中没有 ${codeField}，但消息与 ${byMessage.length === 1 ? byMessage[0]!.id : `${byMessage.length} 个条目`}一致。`);
        return this.settle(byMessage, 'failure');
      }
    }
    if (code === undefined && !Object.hasOwn(o, 'result') && !Object.hasOwn(o, 'data')) {
      a.because(`The body has neither ${codeField} nor a result.`, `响应体中既没有 ${codeField}，也没有结果字段。`);
      a.outcome = 'unknown';
      return;
    }
    a.because(
      code === undefined ? `No ${codeField} in the body: by ${this.name(vendor, 'en')}'s success test the call succeeded.` : `${codeField} is ${quote(code)}: by ${this.name(vendor, 'en')}'s success test the call succeeded.`,
      code === undefined ? `响应体中没有 ${codeField}：按 ${this.name(vendor, 'zh')} 的成功判断规则，调用成功。` : `${codeField} 为 ${quote(code)}：按 ${this.name(vendor, 'zh')} 的成功判断规则，调用成功。`,
    );
    this.upstream(rules, otherMessages);
    if (statusEntry && outcomeOf(statusEntry, l) === 'success') a.entry = statusEntry;
    a.outcome = 'success';
  }

  /** Say so when the body's message is not the one the entry documents. */
  checkMessage(entry: ArtifactEntry, message: string | undefined): void {
    if (!message || !entry.message || message.length > 2000) return;
    const same = entry.message_is_template ? matchesTemplate(entry.message, message) : normalizeMessage(message) === normalizeMessage(entry.message);
    if (same) {
      if (entry.message_is_template) this.a.because(`The message fills in the template ${quote(entry.message)}.`, `消息是模板 ${quote(entry.message)} 填入参数后的结果。`);
      return;
    }
    this.a.because(
      `The message ${quote(message)} differs from the documented ${quote(entry.message)}; the code decides.`,
      `消息 ${quote(message)} 与文档中的 ${quote(entry.message)} 不同；以错误码为准。`,
    );
  }

  /** Messages a vendor forwards from its upstream engine (AILabTools forwards Baidu Face's). */
  upstream(rules: VendorRules, messages: string[]): void {
    if (!rules.upstream || messages.length === 0) return;
    const { vendor: up, separator } = rules.upstream;
    const { a, l } = this;
    // The same text in two fields (error_msg and error_detail.message) is one forwarded message.
    for (const m of new Set(messages)) {
      if (m.length > 2000) continue;
      const found = new Set(l.matchMessage(m, up));
      // `File content does not meet requirements. - 222202 - pic not has face`
      for (const part of m.split(separator).slice(0, 10)) {
        const p = part.trim();
        if (/^\d{1,9}$/.test(p)) {
          const e = this.bodyEntry(up, p);
          if (e) found.add(e);
        } else if (p !== m) for (const e of l.matchMessage(p, up)) found.add(e);
      }
      if (found.size > 0) {
        a.because(
          `${quote(m)} is forwarded from ${this.name(up, 'en')}: ${[...found].map((e) => e.id).join(', ')} gives the precise cause (listed as candidates).`,
          `${quote(m)} 转发自 ${this.name(up, 'zh')}：${[...found].map((e) => e.id).join('、')} 给出了具体原因（列为候选）。`,
        );
        a.addCandidates([...found]);
      }
    }
  }

  /** No vendor recognised: look for codes and messages where APIs usually put them. */
  generic(o: Rec, among?: string[]): void {
    const { a, l } = this;
    const inScope = (e: ArtifactEntry) => (!among || among.includes(e.vendor)) && e.kind !== 'http-status';
    const codes = [...new Set(GENERIC_CODE_FIELDS.map((f) => codeString(at(o, f))).filter((c): c is string => c !== undefined && c !== ''))];
    const messages = [...new Set(GENERIC_MESSAGE_FIELDS.map((f) => textOf(at(o, f))).filter((m): m is string => m !== undefined))];
    if (codes[0] !== undefined) a.code = codes[0];
    if (messages[0] !== undefined) a.message = messages[0].slice(0, 2000);
    if (!among) a.because('The body does not have the code field of any known vendor.', '响应体中没有任何已知厂商的错误码字段。');
    if (a.httpStatus === undefined) {
      for (const field of GENERIC_STATUS_FIELDS) {
        const s = statusOf(own(o, field));
        if (s !== undefined) {
          a.httpStatus = s;
          a.because(`Read HTTP status ${s} from ${field} in the body.`, `从响应体的 ${field} 字段读取到 HTTP 状态码 ${s}。`);
          break;
        }
      }
    }

    if (this.forwarded(messages)) return;
    const byCode = [...new Set(codes.flatMap((c) => l.find(c)))].filter(inScope);
    const byMessage = [...new Set(messages.flatMap((m) => l.matchMessage(m)))].filter(inScope);
    // A code and a message that point at the same entry settle it.
    const both = byCode.filter((e) => byMessage.includes(e));
    const list = both.length > 0 ? both : byCode.length > 0 ? byCode : byMessage;
    if (list.length > 0) {
      a.because(
        list.length === 1 ? `Only ${list[0]!.id} has this code or message.` : `${list.length} entries have this code or message.`,
        list.length === 1 ? `只有 ${list[0]!.id} 使用该错误码或消息。` : `共有 ${list.length} 个条目使用该错误码或消息。`,
      );
      const failing = codes.some((c) => !/^(?:0|ok|success|succeeded)$/i.test(c)) || (a.httpStatus !== undefined && a.httpStatus >= 400);
      return this.settle(list, failing ? 'failure' : 'unknown');
    }
    const noError = codes.every((c) => /^(?:0|ok|success|succeeded)$/i.test(c));
    if (noError && Object.hasOwn(o, 'result') && (a.httpStatus === undefined || a.httpStatus < 300)) {
      a.because('A result and no error code: the call succeeded.', '有结果字段且没有错误码：调用成功。');
      a.outcome = 'success';
      return;
    }
    if (codes.length > 0 && !noError) {
      a.because(`The code ${quote(codes[0]!)} is not in the knowledge base.`, `知识库中没有错误码 ${quote(codes[0]!)}。`);
      this.fromStatus();
      if (a.outcome === 'unknown') a.outcome = 'failure';
      if (!a.entry && a.candidates.length === 0) a.advice = ADVICE.unknownCode;
      return;
    }
    this.fromStatus();
  }

  /**
   * `File content does not meet requirements. - 222202 - pic not has face`: a vendor's message
   * with the code and message of its upstream engine appended (AILabTools forwarding Baidu Face).
   */
  forwarded(messages: string[]): boolean {
    const { l } = this;
    const separators = new Set((l.index.vendors ?? []).flatMap((v) => rulesOf(v).upstream?.separator ?? []));
    for (const m of messages) {
      if (m.length > 2000) continue;
      for (const separator of separators) {
        if (this.forwardedWith(m, separator)) return true;
      }
    }
    return false;
  }

  /** `m` split by `separator`: the head is one entry's message, and the rest names the upstream's code or message. */
  forwardedWith(m: string, separator: string): boolean {
    const { a, l } = this;
    if (!m.includes(separator)) return false;
    const [head, ...rest] = m.split(separator).slice(0, 10).map((p) => p.trim());
    const first = l.matchMessage(head!).filter((e) => e.kind !== 'http-status');
    if (first.length !== 1) return false;
    const e = first[0]!;
    const forwarding = rulesOf(l.vendor(e.vendor)).upstream;
    if (!forwarding || forwarding.separator !== separator) return false;
    const up = forwarding.vendor;
    const upstream = new Set<ArtifactEntry>();
    for (const part of rest) {
      const byCode = /^\d{1,9}$/.test(part) ? this.bodyEntry(up, part) : undefined;
      if (byCode) upstream.add(byCode);
      for (const x of l.matchMessage(part, up)) upstream.add(x);
    }
    if (upstream.size === 0) return false;
    a.message = m.slice(0, 2000);
    a.because(
      `${quote(head!)} is the message of ${e.id}; ${this.name(e.vendor, 'en')} appended ${this.name(up, 'en')}'s code and message, ${[...upstream].map((x) => x.id).join(', ')}, which gives the precise cause (listed as candidates).`,
      `${quote(head!)} 是 ${e.id} 的消息；${this.name(e.vendor, 'zh')} 在其后附上了 ${this.name(up, 'zh')} 的错误码和消息 ${[...upstream].map((x) => x.id).join('、')}，它给出了具体原因（列为候选）。`,
    );
    this.settle([e], 'failure');
    a.addCandidates([...upstream]);
    return true;
  }
}
