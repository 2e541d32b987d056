/**
 * A vendor is data: vendors copied from PicWish (task states) and AILabTools (forwards Baidu Face's
 * messages) under new ids validate, build the same artifact, explain every body the same way and are
 * found by search, with no code change. The site half is test/build/changed-data-site.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArtifactForSite } from '../src/node/artifact-files.ts';
import { loadKnowledgeBase, validateDataDir } from '../src/node/data-files.ts';
import { formatProblem } from '../src/core/yaml-source.ts';
import { explain, type ExplainOptions } from '../src/core/explain.ts';
import type { KbIndex } from '../src/core/lookup.ts';
import { searchIndexOf } from '../src/node/search-files.ts';
import { SearchClient } from '../src/core/search/query.ts';
import { addedDataDir, asClone, canonical, CLONES, renamedDataDir, ROOT } from './support/cloned-vendors.ts';

const SITE = 'https://errors.example.org';
const indexOf = (dataDir?: string) => {
  const artifact = buildArtifactForSite(loadKnowledgeBase(dataDir), SITE);
  return { artifact, index: JSON.parse(artifact.files.get('index.json')!) as KbIndex };
};
const original = indexOf();
const renamedDir = renamedDataDir();
const renamed = indexOf(renamedDir);
const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('vendors copied under new ids', () => {
  it('validate accepts them beside the originals', () => {
    const result = validateDataDir(addedDataDir());
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    if (result.ok) expect(result.kb.vendors.map((v) => v.vendor.id)).toEqual(expect.arrayContaining(Object.values(CLONES)));
  });

  it('the artifact gives each clone its original\'s vendor record, envelope and entries', () => {
    expect(byId(renamed.index.vendors!)).toEqual(byId(asClone(original.index.vendors!)));
    expect(canonical(byId(renamed.index.entries))).toEqual(canonical(byId(asClone(original.index.entries))));
    for (const clone of Object.values(CLONES)) expect(renamed.artifact.files.has(`${clone}.json`)).toBe(true);
  });

  it('explain reads every documented body of the originals the same way from the clones', () => {
    const bodies = join(ROOT, 'test/fixtures/bodies');
    let compared = 0;
    for (const [from, to] of Object.entries(CLONES)) {
      const expected = JSON.parse(readFileSync(join(bodies, from, '_expected.json'), 'utf8')) as Record<string, { status?: number; vendorHint?: string }>;
      for (const file of readdirSync(join(bodies, from)).filter((f) => f !== '_expected.json')) {
        const body = readFileSync(join(bodies, from, file), 'utf8');
        const e = expected[file] ?? {};
        const options = (vendor?: string): ExplainOptions => ({ ...(e.status ? { httpStatus: e.status } : {}), ...(vendor ? { vendor } : {}) });
        const before = explain(body, options(e.vendorHint), original.index);
        const after = explain(body, options(e.vendorHint === from ? to : e.vendorHint), renamed.index);
        expect(canonical(after), `${from}/${file}`).toEqual(canonical(asClone(before)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('the clone of a task-state vendor keeps its rules for states the table does not list', () => {
    const state = (n: number) => explain(JSON.stringify({ status: 200, data: { task_id: 't', state: n } }), {}, renamed.index);
    expect([state(7).outcome, state(1).outcome, state(-99).outcome]).toEqual(['pending', 'success', 'failure']);
    expect(state(7).vendor).toBe(CLONES.picwish);
    const created = explain('{"status": 200, "data": {"task_id": "t"}}', {}, renamed.index);
    expect({ outcome: created.outcome, vendor: created.vendor }).toEqual({ outcome: 'pending', vendor: CLONES.picwish });
  });

  it('the clone of a forwarding vendor still points at the upstream vendor\'s entry', () => {
    const body = { error_code: 422, error_detail: { status_code: 422, code: 'ERROR_NO_FACE_IN_FILE', code_message: 'x', message: 'pic not has face' } };
    const r = explain(body, {}, renamed.index);
    expect(r.entry?.id).toBe(`${CLONES.ailabtools}/ERROR_NO_FACE_IN_FILE`);
    expect(r.candidates.map((c) => c.id)).toContain('baidu-face/222202');
    const forwarded = explain({ error_msg: 'File content does not meet requirements. - 222202 - pic not has face' }, {}, renamed.index);
    expect(forwarded.candidates.map((c) => c.id)).toContain('baidu-face/222202');
    expect(forwarded.vendor).toBe(CLONES.ailabtools);
  });

  it('search finds a clone\'s codes beside its original\'s', async () => {
    const kb = loadKnowledgeBase(addedDataDir());
    const artifact = buildArtifactForSite(kb, SITE);
    const files = searchIndexOf(kb, artifact);
    const client = new SearchClient(async (path) => JSON.parse(files.get(path) ?? '{}'));
    const top = async (q: string, n: number) =>
      (await client.search(q, { limit: n })).map((h) => (h.doc.t === 'e' ? `${h.doc.v}/${h.doc.c}` : h.doc.u)).sort();
    expect(await top('-8', 2)).toEqual(['pictask/-8', 'picwish/-8']);
    expect(await top('ERROR_NO_FACE_IN_FILE', 2)).toEqual(['ailabclone/ERROR_NO_FACE_IN_FILE', 'ailabtools/ERROR_NO_FACE_IN_FILE']);
  });
});
