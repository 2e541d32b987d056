/**
 * The decision table per vendor (decisionTable, shipped as vision-error-codes/decisions/<id>.json) and
 * decide(), its reader: small, and for every entry's example body the same entry, outcome and next step
 * as explain() over the vendor's full file.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createLookup, decide, decisionTable, explain, nextStep, type ArtifactVendorFile } from '../src/core/index.ts';
import { realIndex } from './support/real-index.ts';

const index = realIndex();
const kb = createLookup(index);
/** A vendor's file as the artifact writes it (<vendor>.json). */
function vendorFile(id: string): ArtifactVendorFile {
  const entries = index.entries.filter((e) => e.vendor === id);
  const used = new Set(entries.map((e) => e.category));
  return { artifact_version: index.artifact_version, data_version: index.data_version, site: index.site, vendor: index.vendors.find((v) => v.id === id)!, categories: index.categories.filter((c) => used.has(c.id)), entries };
}

describe('decisionTable', () => {
  it('keeps per entry only kind, code, category, outcome, action, policy and message, each policy and message once', () => {
    const table = decisionTable(vendorFile('baidu-face'));
    expect(table.entries).toHaveLength(index.entries.filter((e) => e.vendor === 'baidu-face').length);
    expect(Object.keys(table.entries[0]!).sort()).toEqual(['action', 'category', 'code', 'kind', 'message', 'outcome', 'retry']);
    expect(new Set(table.messages.map((m) => JSON.stringify(m))).size).toBe(table.messages.length);
    expect(new Set(table.policies.map((m) => JSON.stringify(m))).size).toBe(table.policies.length);
    expect(table.envelope.request_id_fields).toEqual(['log_id']);
    const json = JSON.stringify(table);
    // A few KB for a browser app (BENCHMARKS.md has the measured size): far less than the vendor's file.
    expect(gzipSync(json).length).toBeLessThan(8 * 1024);
    expect(gzipSync(json).length * 4).toBeLessThan(gzipSync(JSON.stringify(vendorFile('baidu-face'))).length);
  });
});

describe('decide', () => {
  it("reads every entry's example body as explain() does: the same entry, outcome and next step", () => {
    let compared = 0;
    for (const v of index.vendors) {
      const table = decisionTable(vendorFile(v.id));
      for (const e of index.entries.filter((x) => x.vendor === v.id && x.example_body)) {
        const { body, http_status } = e.example_body!;
        const options = http_status === null ? {} : { httpStatus: http_status };
        const full = explain(body, { ...options, vendor: v.id }, kb);
        const lite = decide(table, body, options);
        if (!full.entry) continue;
        compared++;
        expect(lite.entry?.id, e.id).toBe(full.entry.id);
        expect(lite.outcome, e.id).toBe(full.outcome);
        const [a, b] = [nextStep(full, { attempt: 1, random: () => 0 }), nextStep(lite, { attempt: 1, random: () => 0 })];
        expect([b.action, b.delayMs, b.attemptsLeft, b.userMessage], e.id).toEqual([a.action, a.delayMs, a.attemptsLeft, { en: a.userMessage.en, zh: a.userMessage.zh }]);
      }
    }
    expect(compared).toBeGreaterThan(400);
  });

  it('success, pending, an unknown code, a page that is not JSON, the request id', () => {
    const baidu = decisionTable(vendorFile('baidu-face'));
    expect(decide(baidu, '{"error_code": 0, "log_id": 5, "result": {}}')).toMatchObject({ outcome: 'success', requestId: '5' });
    expect(decide(baidu, { error_code: 999999 })).toMatchObject({ outcome: 'failure', code: '999999' });
    expect(decide(baidu, { error_code: 999999 }).entry).toBeUndefined();
    const html = decide(baidu, '<html><h1>502 Bad Gateway</h1></html>', { httpStatus: 502 });
    expect(html).toMatchObject({ outcome: 'failure', httpStatus: 502 });
    expect(nextStep(html, { attempt: 1 })).toMatchObject({ action: 'retry', basis: 'http-status' });
    const picwish = decisionTable(vendorFile('picwish'));
    expect(decide(picwish, '{"status": 200, "data": {"task_id": "t-1"}}')).toMatchObject({ outcome: 'pending', requestId: 't-1' });
    expect(decide(picwish, '{"status": 200, "data": {"task_id": "t-1", "state": 57}}')).toMatchObject({ outcome: 'pending' });
    expect(decide(picwish, '{"status": 200, "data": {"task_id": "t-1", "state": -99}}')).toMatchObject({ outcome: 'failure' });
    expect(decide(picwish, '{"status": 429, "message": "Too many requests"}').entry?.id).toBe('picwish/http/429');
    const g42 = decisionTable(vendorFile('g42-image'));
    expect(decide(g42, '{"error_code": "APIG.0308"}', { httpStatus: 400, headers: { 'X-Request-Id': 'r-7' } })).toMatchObject({ requestId: 'r-7', entry: { id: 'g42-image/APIG.0308' } });
  });
});
