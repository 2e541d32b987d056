/**
 * The response's HTTP status beside its entry's: a vendor may change the status a code comes with
 * (AILabTools changed 48 on 2026-01-08), so a status the entry's history keeps is a response from
 * before the change, and says so; a status of neither era is named too. The code decides the entry
 * either way: only the reasons change.
 */
import type { ArtifactEntry } from '../artifact-types.ts';
import type { Explainer } from './context.ts';

export function checkStatus(x: Explainer, entry: ArtifactEntry): void {
  const status = x.a.httpStatus;
  // An HTTP status entry is its status; an entry without a documented status has nothing to compare.
  if (status === undefined || entry.kind === 'http-status' || typeof entry.http_status !== 'number' || status === entry.http_status) return;
  const earlier = (Array.isArray(entry.history) ? entry.history : []).filter(
    (h): h is ArtifactEntry['history'][number] & { value: number } => h?.field === 'http_status' && typeof h.value === 'number',
  );
  const era = earlier.find((h) => h.value === status);
  const params = { status, vendor: entry.vendor, current: entry.http_status };
  if (era) x.a.because('statusEarlierEra', { ...params, until: String(era.until) });
  else if (earlier.length > 0) x.a.because('statusNeitherEra', { ...params, earlier: [...new Set(earlier.map((h) => String(h.value)))] });
  else x.a.because('statusDiffers', params);
}
