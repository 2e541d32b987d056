/** What every explain() result must look like, whatever the input. */
import { expect } from 'vitest';
import { EXPLAIN_LIMITS, type ExplainResult } from '../../src/core/explain.ts';
import { realIndex } from './real-index.ts';

let vendorIds: string[] | undefined;

/** Every result, whatever the input, has this shape. */
export function expectWellFormed(r: ExplainResult): void {
  vendorIds ??= realIndex().vendors.map((v) => v.id);
  expect(['success', 'pending', 'failure', 'unknown']).toContain(r.outcome);
  expect(Array.isArray(r.candidates)).toBe(true);
  expect(r.candidates.length).toBeLessThanOrEqual(EXPLAIN_LIMITS.maxCandidates);
  expect(typeof r.advice.en).toBe('string');
  expect(typeof r.advice.zh).toBe('string');
  expect(r.advice.en.length).toBeGreaterThan(0);
  expect(r.reasons.length).toBe(r.reasonsZh.length);
  if (r.entry) expect(r.candidates).not.toContain(r.entry);
  if (r.vendor) expect(vendorIds).toContain(r.vendor);
  expect(r.reasons.join(' ')).not.toMatch(/Internal error/);
}
