/**
 * explain() on vendor responses as people posted them (test/fixtures/real-world/responses.yaml):
 * at least 95% right, and a code no vendor table has never given another code's entry.
 * `node scripts/measure-explain.ts` prints the same figures by kind of text, with every miss.
 */
import { describe, expect, it } from 'vitest';
import { createLookup } from '../../src/core/lookup.ts';
import { loadRealWorld, measureRealWorld, REAL_WORLD_FILE } from '../support/real-world.ts';
import { realIndex } from '../support/real-index.ts';

const kb = createLookup(realIndex());
const responses = loadRealWorld();

describe('the real-world corpus', () => {
  it('has at least 50 responses, each with its source, date, kind and an expected entry that exists (or unknown)', () => {
    expect(responses.length).toBeGreaterThanOrEqual(50);
    for (const r of responses) {
      expect(r.source, r.text).toMatch(/^(?:https?:\/\/|github-code:\d+$)/);
      expect(r.seen, r.source).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (r.expect !== 'unknown') expect(kb.entry(r.expect)?.id, `${r.source}: ${r.expect}`).toBe(r.expect);
      if (r.same_as !== undefined) expect(kb.entry(r.same_as)?.id, r.source).toBe(r.same_as);
    }
    // Both halves are there: responses with an entry, and codes no table has.
    expect(responses.filter((r) => r.expect === 'unknown').length).toBeGreaterThanOrEqual(15);
    expect(responses.filter((r) => r.expect !== 'unknown').length).toBeGreaterThanOrEqual(25);
  });

  const outcomes = measureRealWorld(responses, kb);
  const misses = outcomes.filter((o) => !o.right).map((o) => `${o.response.source}: expected ${o.response.expect}, got ${o.result.entry?.id ?? 'no entry'}`);

  it('is explained right at least 95% of the time', () => {
    const right = outcomes.filter((o) => o.right).length;
    console.log(`real-world explain: ${right}/${outcomes.length} right (${((100 * right) / outcomes.length).toFixed(1)}%)\n  ${misses.join('\n  ')}`);
    expect(right / outcomes.length, `${REAL_WORLD_FILE}\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('never gives a code no vendor table has another code’s entry', () => {
    expect(outcomes.filter((o) => o.claimed).map((o) => `${o.response.source}: ${o.result.entry?.id}`)).toEqual([]);
  });
});
