/**
 * node scripts/measure-explain.ts [--index <index.json>]
 *
 * explain() over the real-world corpus (test/fixtures/real-world/responses.yaml): how many it gets
 * right, overall and by kind of text, and every miss with what explain gave instead. A measure, not a
 * test: it never fails (test/explain/real-world.test.ts holds the floors).
 */
import { readFileSync } from 'node:fs';
import { loadKnowledgeBase } from '../src/node/data-files.ts';
import { buildArtifactForSite } from '../src/node/artifact-files.ts';
import { createLookup, type ArtifactIndex } from '../src/core/lookup.ts';
import { loadRealWorld, measureRealWorld, REAL_WORLD_KINDS } from '../test/support/real-world.ts';
import { scriptArgs } from './lib/script-args.ts';

const { values } = scriptArgs(import.meta.url, { index: { type: 'string' } });
const index = values.index
  ? (JSON.parse(readFileSync(values.index, 'utf8')) as ArtifactIndex)
  : (JSON.parse(buildArtifactForSite(loadKnowledgeBase(), 'https://example.org').files.get('index.json')!) as ArtifactIndex);
const kb = createLookup(index);
const outcomes = measureRealWorld(loadRealWorld(), kb);
const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
const withEntry = outcomes.filter((o) => o.response.expect !== 'unknown');
const unknown = outcomes.filter((o) => o.response.expect === 'unknown');
const right = outcomes.filter((o) => o.right).length;
console.log(`explain on ${outcomes.length} real responses: ${right} right (${pct(right, outcomes.length)})`);
console.log(`  with an entry: ${withEntry.filter((o) => o.right).length}/${withEntry.length} (${pct(withEntry.filter((o) => o.right).length, withEntry.length)})`);
console.log(`  unknown codes: ${unknown.filter((o) => o.right).length}/${unknown.length} given no entry; ${unknown.filter((o) => o.claimed).length} given another code's entry`);
for (const kind of REAL_WORLD_KINDS) {
  const of = outcomes.filter((o) => o.response.kind === kind);
  console.log(`  ${kind.padEnd(12)} ${of.filter((o) => o.right).length}/${of.length}`);
}
for (const o of outcomes.filter((x) => !x.right)) {
  const got = o.result.entry?.id ?? `no entry (${o.result.outcome}${o.result.candidates.length ? `, candidates ${o.result.candidates.slice(0, 3).map((e) => e.id).join(' ')}` : ''})`;
  console.log(`miss: ${o.response.source}\n  expected ${o.response.expect}, got ${got}\n  ${o.response.text.replace(/\s+/g, ' ').slice(0, 140)}`);
}
