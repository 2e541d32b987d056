/**
 * How each vendor's responses are read comes from its envelope in the data (code_field,
 * alternate_code_fields, forwards_from, …), never from vendor ids in code. Where no vendor is
 * recognised, the GENERIC_* fields are where APIs usually put codes, statuses and messages.
 */
import type { ArtifactVendor, TaskOutcome } from '../artifact-types.ts';
import { isRecord } from './values.ts';

export interface VendorRules {
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
export function rulesOf(v: ArtifactVendor | undefined): VendorRules {
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

export const FALLBACK_FIELDS = { code: 'error_code', message: 'error_msg' };
/** Where unknown vendors usually put codes and messages: used only when no vendor is recognised. */
export const GENERIC_CODE_FIELDS = ['error_code', 'code', 'error_detail.code', 'data.state', 'errorCode', 'err_code', 'error.code', 'errno'];
export const GENERIC_STATUS_FIELDS = ['status', 'status_code', 'http_status', 'httpStatus'];
export const GENERIC_MESSAGE_FIELDS = ['error_msg', 'message', 'msg', 'error_message', 'errorMessage', 'errorMsg', 'err_msg', 'error_detail.code_message', 'error_detail.message', 'error.message'];
