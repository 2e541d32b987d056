/**
 * The real-world corpus (test/fixtures/real-world/responses.yaml): vendor responses as people posted
 * them, each with the entry explain should give or `unknown`. Read by test/explain/real-world.test.ts
 * (the floors) and scripts/measure-explain.ts (the figures by class, every miss).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/node/data-files.ts';
import { explain, type ExplainResult } from '../../src/core/explain.ts';
import type { KbIndex, Lookup } from '../../src/core/lookup.ts';

export const REAL_WORLD_FILE = join(PROJECT_ROOT, 'test/fixtures/real-world/responses.yaml');
export const REAL_WORLD_KINDS = ['json', 'python-repr', 'fragment', 'nested', 'log-line', 'free-text'] as const;

export interface RealResponse {
  source: string;
  seen: string;
  kind: (typeof REAL_WORLD_KINDS)[number];
  text: string;
  /** An entry id, or `unknown`: then explain must give no entry. */
  expect: string;
  /** For an `unknown`: the entry it repeats word for word (explain cannot tell them apart). */
  same_as?: string;
  note?: string;
}

/** The corpus; a malformed item throws naming its number and field. */
export function loadRealWorld(file = REAL_WORLD_FILE): RealResponse[] {
  const doc = parse(readFileSync(file, 'utf8')) as { responses?: unknown };
  if (!Array.isArray(doc?.responses)) throw new Error(`${file}: expected a top-level "responses:" list`);
  return doc.responses.map((r: Record<string, unknown>, i: number) => {
    const where = `${file}: response ${i + 1}`;
    for (const field of ['source', 'text', 'expect'] as const)
      if (typeof r[field] !== 'string' || r[field] === '') throw new Error(`${where}: ${field} must be a non-empty string`);
    if (typeof r.seen !== 'string' && !(r.seen instanceof Date)) throw new Error(`${where}: seen must be a date`);
    if (!(REAL_WORLD_KINDS as readonly unknown[]).includes(r.kind)) throw new Error(`${where}: kind must be one of ${REAL_WORLD_KINDS.join(', ')}`);
    return { ...r, seen: String(r.seen instanceof Date ? r.seen.toISOString().slice(0, 10) : r.seen) } as RealResponse;
  });
}

export interface RealOutcome {
  response: RealResponse;
  result: ExplainResult;
  right: boolean;
  /** An `unknown` that got an entry (other than the one it repeats word for word): the mistake that must never happen. */
  claimed: boolean;
}

/** Explains every response as pasted (no status, no vendor given) and says which are right. */
export function measureRealWorld(responses: RealResponse[], index: KbIndex | Lookup): RealOutcome[] {
  return responses.map((response) => {
    const result = explain(response.text, {}, index);
    const got = result.entry?.id;
    const right = response.expect === 'unknown' ? got === undefined : got === response.expect;
    return { response, result, right, claimed: response.expect === 'unknown' && got !== undefined && got !== response.same_as };
  });
}
