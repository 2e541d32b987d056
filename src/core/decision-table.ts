/**
 * A vendor's decision table: per entry only what an app needs to act and to tell its end user (kind,
 * code, category, outcome, action, retry policy, end-user message), and the envelope fields to read a
 * response with. A few KB gzip (BENCHMARKS.md), for a browser app that does not need meanings,
 * remedies or explain()'s reasoning. The package ships one per vendor:
 * `vision-error-codes/decisions/<vendor>.json` (npm pack writes them, scripts/build-package-data.ts).
 *
 *   import { decide, nextStep } from 'vision-error-codes';
 *   import baidu from 'vision-error-codes/decisions/baidu-face.json' with { type: 'json' };
 *   const step = nextStep(decide(baidu, await res.text(), { httpStatus: res.status, headers: res.headers }), { attempt });
 *
 * decide() reads the body as the table's envelope says (the code field and its alternates, the status
 * fields, the task id and the unlisted task-state ranges) and gives what nextStep() reads. It is a
 * plain reader: no forwarded messages, no message matching, no recognising of other vendors; for
 * those, explain() with the vendor's full file.
 */
import type { ArtifactVendorFile, EntryKind } from './artifact-types.ts';
import type { Bilingual, ExplainOutcome } from './explain/types.ts';
import { requestFacts } from './explain/request.ts';
import { rulesOf } from './explain/vendor-rules.ts';
import { at, codeString, isRecord, statusOf, type Rec } from './explain/values.ts';
import type { HeadersInput } from './headers.ts';
import type { DecisionEntry, NextStepInput, RetryPolicy } from './next-step.ts';
import type { Action } from './typed.ts';

export const DECISION_TABLE_FORMAT = 'vision-error-codes/decision-table@1';

export interface DecisionRow {
  kind: EntryKind;
  code: string;
  category: string;
  /** What the response means for the call ('informational': neither). */
  outcome: 'success' | 'pending' | 'failure' | 'informational';
  action: Action;
  /** Index into the table's policies, or null. */
  retry: number | null;
  /** Index into the table's messages. */
  message: number;
}

export interface DecisionTable {
  format: typeof DECISION_TABLE_FORMAT;
  artifact_version: string;
  data_version: string;
  vendor: string;
  /** Where the vendor's responses carry the code, the status, the task id and the request id. */
  envelope: {
    code_field: string;
    alternate_code_fields: string[];
    status_fields: string[];
    task_id_field?: string;
    unlisted_task_states: { min?: number; max?: number; outcome: 'success' | 'pending' | 'failure' }[];
    request_id_fields: string[];
    request_id_headers: string[];
  };
  /** The retry policies the rows use (each once). */
  policies: RetryPolicy[];
  /** The end-user messages the rows use (each once). */
  messages: Bilingual[];
  entries: DecisionRow[];
}

/** The decision table of one vendor's file (`<vendor>.json`, `vision-error-codes/vendors/<id>.json`). */
export function decisionTable(file: ArtifactVendorFile): DecisionTable {
  const policies: RetryPolicy[] = [];
  const messages: Bilingual[] = [];
  const indexOf = <T>(list: T[], item: T): number => {
    const key = JSON.stringify(item);
    const i = list.findIndex((x) => JSON.stringify(x) === key);
    return i >= 0 ? i : list.push(item) - 1;
  };
  const e = file.vendor.envelope;
  return {
    format: DECISION_TABLE_FORMAT,
    artifact_version: file.artifact_version,
    data_version: file.data_version,
    vendor: file.vendor.id,
    envelope: {
      code_field: e.code_field,
      alternate_code_fields: [...e.alternate_code_fields],
      status_fields: [...e.status_fields],
      ...(e.task_id_field !== undefined ? { task_id_field: e.task_id_field } : {}),
      unlisted_task_states: e.unlisted_task_states.map((r) => ({ ...r })),
      request_id_fields: [...(e.request_id_fields ?? [])],
      request_id_headers: [...(e.request_id_headers ?? [])],
    },
    policies,
    messages,
    entries: file.entries.map((x) => ({
      kind: x.kind,
      code: x.code,
      category: x.category,
      outcome: x.outcome,
      action: x.action,
      retry: x.retry
        ? indexOf(policies, { max_attempts: x.retry.max_attempts, base_delay_s: x.retry.base_delay_s, max_delay_s: x.retry.max_delay_s, honour_retry_after: x.retry.honour_retry_after, source: x.retry.source })
        : null,
      message: indexOf(messages, { en: x.end_user_message.en, zh: x.end_user_message.zh }),
    })),
  };
}

/** What decide() gives: nextStep()'s input, with the code and status read. */
export interface Decision extends NextStepInput<DecisionEntry> {
  code?: string;
}

export interface DecideOptions {
  httpStatus?: number;
  headers?: HeadersInput;
}

const SEGMENT: Record<EntryKind, string> = { error: '', 'http-status': 'http/', 'task-state': 'state/', 'sdk-error': 'sdk/' };

/** A response of the table's vendor, read as its envelope says: the row that decides it, if any. */
export function decide(table: DecisionTable, body: unknown, options: DecideOptions = {}): Decision {
  const vendor = table.vendor;
  const asEntry = (row: DecisionRow): DecisionEntry => ({
    id: `${vendor}/${SEGMENT[row.kind]}${row.code}`,
    vendor,
    kind: row.kind,
    code: row.code,
    category: row.category,
    action: row.action,
    retry: row.retry === null ? null : (table.policies[row.retry] ?? null),
    end_user_message: table.messages[row.message] ?? { en: '', zh: '' },
  });
  const find = (code: string, kinds: EntryKind[]) => table.entries.find((r) => kinds.includes(r.kind) && (r.code === code || r.code.toLowerCase() === code.toLowerCase()));
  const rules = rulesOf({ envelope: table.envelope } as unknown as Parameters<typeof rulesOf>[0]);

  let o: Rec | undefined;
  if (isRecord(body)) o = body;
  else if (typeof body === 'string' && body.length <= 16 * 1024 * 1024) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (isRecord(parsed)) o = parsed;
    } catch {
      // not JSON (an HTML error page, a proxy's text): only the status can say more
    }
  }
  const raw = o ? [table.envelope.code_field, ...rules.codeFields].map((f) => at(o, f)).find((v) => v !== undefined) : undefined;
  const code = codeString(raw);
  const status = statusOf(options.httpStatus) ?? rules.statusFields.map((f) => statusOf(at(o, f))).find((s) => s !== undefined);

  const taskVendor = table.entries.some((r) => r.kind === 'task-state') && !table.entries.some((r) => r.kind === 'error');
  const statusRow = status !== undefined ? find(String(status), ['http-status']) : undefined;
  const base: Decision = { outcome: 'unknown', vendor, ...(code !== undefined && code !== '' ? { code } : {}), ...(status !== undefined ? { httpStatus: status } : {}), ...requestFacts(table.envelope, o, options.headers) };
  const settled = (row: DecisionRow | undefined, outcome: ExplainOutcome): Decision => ({ ...base, ...(row ? { entry: asEntry(row), outcome: row.outcome === 'informational' ? 'unknown' : row.outcome } : { outcome }) });

  // A task-state vendor: a non-2xx status is a request-level error, whatever the body.
  if (taskVendor && status !== undefined && status >= 300) return settled(statusRow, 'failure');
  const row = code !== undefined && code !== '' ? find(code, ['error', 'sdk-error', 'task-state']) : undefined;
  if (row) return settled(row, 'failure');
  if (code !== undefined && code !== '' && code !== '0') {
    const n = Number(code);
    const byRange = taskVendor && Number.isInteger(n) ? rules.unknownState(n) : undefined;
    if (byRange) return settled(undefined, byRange);
    return settled(status !== undefined && status >= 400 ? statusRow : undefined, 'failure');
  }
  // No code, an empty one or 0.
  if (status !== undefined && status >= 400) return settled(statusRow, 'failure');
  if (!o) return settled(undefined, 'unknown');
  if (taskVendor) return settled(undefined, rules.taskId && at(o, rules.taskId) !== undefined ? 'pending' : 'unknown');
  return settled(undefined, 'success');
}
