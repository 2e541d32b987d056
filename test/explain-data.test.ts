/**
 * The Explain page's data (src/core/explain-data.ts): explain(), nextStep() and triage over the index
 * rebuilt from its files give the same answers as over index.json, on every input the suite has (the
 * bodies and logs of the fixtures, the real-world corpus, each entry's example body and message, ticket
 * words), in both languages; and the files stay small (one Baidu answer: under 400 KB with the entry
 * file, measured again in the browser by test/e2e/explain-page.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain, type ExplainOptions, type ExplainResult } from '../src/core/explain.ts';
import {
  EXPLAIN_DATA_FORMAT,
  EXPLAIN_HEAD_PATH,
  ExplainDataError,
  explainDataFiles,
  explainIndex,
  explainShardPath,
  type ExplainDataHead,
  type ExplainDataShard,
} from '../src/core/explain-data.ts';
import { createLookup } from '../src/core/lookup.ts';
import { nextStep } from '../src/core/next-step.ts';
import { triage } from '../src/core/triage.ts';
import type { Lang } from '../src/core/schema.ts';
import { realIndex } from './support/real-index.ts';
import { loadRealWorld } from './support/real-world.ts';

const index = realIndex();
const full = createLookup(index);
const files = explainDataFiles(index);
const head = JSON.parse(files.get(EXPLAIN_HEAD_PATH)!) as ExplainDataHead;
const shardsOf = (lang: Lang) => index.vendors.map((v) => JSON.parse(files.get(explainShardPath(v.id, lang))!) as ExplainDataShard);
const slim = { en: createLookup(explainIndex(head, shardsOf('en'))), zh: createLookup(explainIndex(head, shardsOf('zh'))) };
const FIXTURES = join(import.meta.dirname, 'fixtures');

const OPTIONS: ExplainOptions[] = [{}, { httpStatus: 422 }, { httpStatus: 429, vendor: 'picwish' }, { vendor: 'baidu' }, { httpStatus: 500 }];

/**
 * Every text the suite explains, with the options to try: fixture bodies, logs, the real-world corpus
 * and tickets with all of them; each entry's example body, message and `<vendor> <code>` with fewer
 * (there are many).
 */
function corpus(): [string, ExplainOptions[]][] {
  const texts: string[] = [];
  for (const vendor of readdirSync(join(FIXTURES, 'bodies')))
    for (const file of readdirSync(join(FIXTURES, 'bodies', vendor))) if (!file.startsWith('_')) texts.push(readFileSync(join(FIXTURES, 'bodies', vendor, file), 'utf8'));
  const log = readFileSync(join(FIXTURES, 'logs', 'mixed.log'), 'utf8');
  texts.push(log, ...log.split('\n'));
  texts.push(...loadRealWorld().map((r) => r.text));
  texts.push('客户反馈：百度人脸返回 222202', 'customer gets 222202 from Baidu', 'Internal Server Error', '', '{"status": 404, "message": "not found"}');
  const perEntry = index.entries.flatMap((e): [string, ExplainOptions[]][] => [
    ...(e.example_body ? [[e.example_body.body, [{}, { httpStatus: 422 }]] as [string, ExplainOptions[]]] : []),
    ...(e.message ? [[e.message, [{}]] as [string, ExplainOptions[]], [`${e.vendor} ${e.code}`, [{}]] as [string, ExplainOptions[]]] : []),
  ]);
  return [...texts.map((t): [string, ExplainOptions[]] => [t, OPTIONS]), ...perEntry];
}

/** What a result says, without the entry's prose (which the page takes from the entry's own file). */
function gist(r: ExplainResult): unknown {
  return {
    outcome: r.outcome,
    vendor: r.vendor,
    entry: r.entry?.id,
    candidates: r.candidates.map((c) => c.id),
    retryable: r.retryable,
    advice: r.entry ? undefined : r.advice,
    reasons: r.reasons,
    reasonsZh: r.reasonsZh,
    code: r.code,
    message: r.message,
    httpStatus: r.httpStatus,
    requestId: r.requestId,
    others: r.others?.map(gist),
  };
}

function step(r: ExplainResult): unknown {
  const s = nextStep(r, { attempt: 1, random: () => 0.5, now: 0 });
  return { action: s.action, delayMs: s.delayMs, attemptsLeft: s.attemptsLeft, basis: s.basis, policy: s.policy, requestId: s.requestId, reason: s.reason, entry: s.entry?.id };
}

describe('explain data', () => {
  it('explain and nextStep answer over it as over index.json, on every input of the suite, in both languages', () => {
    let compared = 0;
    for (const [text, options] of corpus()) {
      for (const o of options) {
        const want = explain(text, o, full);
        for (const lang of ['en', 'zh'] as const) {
          const got = explain(text, o, slim[lang]);
          expect(gist(got), `${lang} ${JSON.stringify(o)} ${text.slice(0, 80)}`).toEqual(gist(want));
          expect(step(got), `${lang} ${JSON.stringify(o)} ${text.slice(0, 80)}`).toEqual(step(want));
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it('triage counts a log over it as over index.json', () => {
    const log = readFileSync(join(FIXTURES, 'logs', 'mixed.log'), 'utf8');
    const want = triage(log, full);
    expect(want.found).toBeGreaterThan(5);
    for (const lang of ['en', 'zh'] as const) expect(triage(log, slim[lang])).toEqual(want);
  });

  it('each entry keeps what the page shows of it: meaning in the shard language, action and policy', () => {
    for (const lang of ['en', 'zh'] as const)
      for (const e of index.entries) {
        const s = slim[lang].entry(e.id)!;
        expect(s.meaning[lang], e.id).toBe(e.meaning[lang]);
        expect([s.action, s.retry, s.category, s.http_status, s.history.map((h) => [h.value, h.until])], e.id).toEqual([
          e.action,
          e.retry,
          e.category,
          e.http_status,
          e.history.filter((h) => h.field === 'http_status').map((h) => [h.value, h.until]),
        ]);
      }
  });

  it('is small: the head and one language of every shard well under 400 KB, a fraction of index.json', () => {
    const bytes = (path: string) => Buffer.byteLength(files.get(path)!);
    for (const lang of ['en', 'zh'] as const) {
      const total = bytes(EXPLAIN_HEAD_PATH) + index.vendors.reduce((n, v) => n + bytes(explainShardPath(v.id, lang)), 0);
      expect(total, lang).toBeLessThan(300 * 1024);
      expect(total / Buffer.byteLength(JSON.stringify(index))).toBeLessThan(0.2);
    }
  });

  it('refuses files that do not belong together', () => {
    const shards = shardsOf('en');
    expect(() => explainIndex({ ...head, format: 'other' as typeof EXPLAIN_DATA_FORMAT }, shards)).toThrow(ExplainDataError);
    expect(() => explainIndex(head, [{ ...shards[0]!, data_version: 'changed' }, ...shards.slice(1)])).toThrow(/data version changed/);
    expect(() => explainIndex(head, shards.slice(1))).toThrow(/no shard for vendor/);
  });
});
