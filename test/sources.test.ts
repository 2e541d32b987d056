/**
 * Checks the built knowledge base against the vendors' source documents, read by the independent
 * parsers in scripts/lib/source-documents.ts (shared with the refresh script, never with the build).
 * Every check collects its problems (each naming the vendor and code) and asserts the list is empty,
 * so one run reports every discrepancy.
 *
 * The documents are an input, not part of the repository: KB_SOURCES_DIR names their folder. Without
 * it these checks are skipped with one line saying why; CI always sets it (.ci/run).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../src/node/data-files.ts';
import { buildArtifactForSite } from '../src/node/artifact-files.ts';
import type { ArtifactEntry } from '../src/core/artifact.ts';
import {
  SOURCES_DIR,
  SOURCES_UNAVAILABLE,
  SOURCE_FILES,
  VENDOR_OF_SOURCE,
  parseAilabtools,
  parseBaidu,
  parseMarkdownCodeTables,
  parseBaiduReadme,
  parseG42,
  parsePicwish,
  parseSoftsugar,
  readSource,
  squashEn,
  squashZh,
} from '../scripts/lib/source-documents.ts';

const artifact = buildArtifactForSite(loadKnowledgeBase(), 'https://example.org');
const entries = artifact.entries;

/** Parsed sources, read on first use so that a missing folder fails each test with a clear message. */
let parsed: ReturnType<typeof parseAll> | undefined;
function parseAll() {
  return {
    ailabtools: parseAilabtools(readSource(SOURCE_FILES.ailabtools)),
    ailabtoolsDocs20251217: parseMarkdownCodeTables(readSource(SOURCE_FILES.ailabtoolsDocs20251217)),
    ailabtoolsDocs20260401: parseMarkdownCodeTables(readSource(SOURCE_FILES.ailabtoolsDocs20260401)),
    baidu: parseBaidu(readSource(SOURCE_FILES.baidu)),
    baiduReadme: parseBaiduReadme(readSource(SOURCE_FILES.readme)),
    picwish: parsePicwish(readSource(SOURCE_FILES.picwish)),
    softsugar: parseSoftsugar(readSource(SOURCE_FILES.softsugar)),
    g42: parseG42(readSource(SOURCE_FILES.g42)),
  };
}
const sources = () => (parsed ??= parseAll());

const label = (e: Pick<ArtifactEntry, 'vendor' | 'kind' | 'code'>) => `${e.vendor} ${e.kind} ${JSON.stringify(e.code)}`;

/** The one entry of vendor/kind/code; records a problem (naming the code) unless there is exactly one. */
function one(problems: string[], vendor: string, kind: ArtifactEntry['kind'], code: string): ArtifactEntry | undefined {
  const found = entries.filter((e) => e.vendor === vendor && e.kind === kind && e.code === code);
  if (found.length !== 1) {
    problems.push(`${label({ vendor, kind, code })}: expected exactly 1 entry, found ${found.length}`);
    return undefined;
  }
  return found[0];
}

function same(problems: string[], e: ArtifactEntry, what: string, actual: unknown, expected: unknown) {
  if (actual !== expected) problems.push(`${label(e)}: ${what} is ${JSON.stringify(actual)}, source has ${JSON.stringify(expected)}`);
}

/** A source cell holding both a meaning and a remedy (PicWish definitions, G42 状态码说明): the
 * vendor-text parts of meaning and remedy, in that order, must make up the cell. */
function checkSplitCell(problems: string[], e: ArtifactEntry, lang: 'en' | 'zh', cell: string) {
  const squash = lang === 'en' ? squashEn : squashZh;
  const joiner = lang === 'en' ? ' ' : '';
  const meaning = e.meaning.vendor_text === lang ? e.meaning[lang] : undefined;
  const remedy = e.vendor_remedy?.vendor_text === lang ? e.vendor_remedy[lang] : undefined;
  if (meaning !== undefined) {
    same(problems, e, `meaning.${lang}${remedy === undefined ? '' : ` + vendor_remedy.${lang}`} (vendor text)`,
      squash([meaning, remedy].filter((t) => t !== undefined).join(joiner)), squash(cell));
  } else if (remedy !== undefined && !squash(cell).includes(squash(remedy))) {
    problems.push(`${label(e)}: vendor_remedy.${lang} (vendor text) ${JSON.stringify(remedy)} is not in the source cell ${JSON.stringify(cell)}`);
  }
}

/** A separate Chinese source cell for the meaning or the vendor's remedy: compared when the data says it is the vendor's. */
function checkZhCell(problems: string[], e: ArtifactEntry, field: 'meaning' | 'vendor_remedy', cell: string) {
  const text = e[field];
  if (!text) return;
  if (text.vendor_text === 'zh') same(problems, e, `${field}.zh (vendor text, white space removed)`, squashZh(text.zh), squashZh(cell));
  if (text.vendor_text === 'en') problems.push(`${label(e)}: ${field}.vendor_text is 'en' but the source cell is Chinese`);
}

const SKIP_REASON = SOURCES_UNAVAILABLE
  ? `skipped: ${SOURCES_UNAVAILABLE}; run with KB_SOURCES_DIR=<folder of the vendors' source documents> to verify the data against them`
  : undefined;
if (SKIP_REASON) console.warn(`Source checks ${SKIP_REASON}.`);

describe('the data on its own', () => {
  it('has exactly the expected number of entries per vendor and kind', () => {
    const counts: Record<string, number> = {};
    for (const e of entries) counts[`${e.vendor} ${e.kind}`] = (counts[`${e.vendor} ${e.kind}`] ?? 0) + 1;
    expect(counts).toEqual({
      'ailabtools error': 126,
      'baidu-face error': 107,
      'baidu-face sdk-error': 13,
      'picwish http-status': 7,
      'picwish task-state': 21,
      'softsugar error': 271,
      'g42-image error': 31,
      'g42-image http-status': 42,
    });
  });

  it('every entry is complete: texts in both languages, a category, a boolean retryable, %s templates flagged', () => {
    const problems: string[] = [];
    for (const e of entries) {
      for (const field of ['meaning', 'remedy'] as const) {
        for (const lang of ['en', 'zh'] as const) {
          if (typeof e[field][lang] !== 'string' || e[field][lang].trim() === '') problems.push(`${label(e)}: ${field}.${lang} is empty`);
        }
      }
      if (typeof e.category !== 'string' || e.category === '') problems.push(`${label(e)}: no category`);
      if (typeof e.retryable !== 'boolean') problems.push(`${label(e)}: retryable is not a boolean`);
      if (e.message?.includes('%s') && e.message_is_template !== true) problems.push(`${label(e)}: message has %s but message_is_template is not true`);
    }
    expect(problems).toEqual([]);
  });

  it('every message variant, every SDK code and every entry with its own source cites a document: title, https URL, date read', () => {
    const problems: string[] = [];
    const date = /^\d{4}-\d{2}-\d{2}$/;
    const cites = (what: string, s: ArtifactEntry['source'] | undefined) => {
      if (!s) return problems.push(`${what}: no source`);
      if (!s.title.trim()) problems.push(`${what}: source has no title`);
      if (!/^https:\/\/[^\s/]+\.[^\s/]+\/\S*$/.test(s.url)) problems.push(`${what}: source url ${JSON.stringify(s.url)} is not an https URL`);
      if (!date.test(s.read)) problems.push(`${what}: source read ${JSON.stringify(s.read)} is not a date`);
    };
    for (const e of entries) {
      e.message_variants.forEach((v, i) => {
        cites(`${label(e)} message_variants[${i}]`, v.source);
        if (typeof v.seen !== 'number' && !date.test(v.seen)) problems.push(`${label(e)} message_variants[${i}]: seen ${JSON.stringify(v.seen)} is neither a year nor a date`);
        if (!date.test(v.recorded)) problems.push(`${label(e)} message_variants[${i}]: recorded is not a date`);
      });
      if (e.kind === 'sdk-error' || e.source) cites(`${label(e)}`, e.source ?? undefined);
      if (e.kind === 'sdk-error' && !e.added) problems.push(`${label(e)}: an SDK code says which release added it`);
    }
    expect(problems).toEqual([]);
    expect(entries.filter((e) => e.kind === 'sdk-error').length).toBeGreaterThanOrEqual(13);
    expect(entries.flatMap((e) => e.message_variants).length).toBeGreaterThanOrEqual(10);
  });

  it('records the messages really returned that issue 23 names, each seen on a given date or year', () => {
    const variants = (id: string) => entries.find((e) => e.id === id)?.message_variants.map((v) => [v.message, v.message_is_template]) ?? [`${id} missing`];
    expect(variants('g42-image/ModelArts.4603')).toEqual([['Obtaining the file from the URL failed.', false]]);
    expect(variants('g42-image/ModelArts.4704')).toEqual([['Obtaining the file from the OBS failed.', false]]);
    expect(variants('g42-image/APIG.0308')).toEqual([['The throttling threshold has been reached: policy %s over ratelimit,limit:%d,time:%s', true]]);
    expect(variants('baidu-face/222001')).toEqual([['param[image] is null', false]]);
    expect(variants('baidu-face/222204')).toEqual([['image download fail', false]]);
    expect(variants('baidu-face/223105')).toEqual([['face already exist', false]]);
    // APIG.0201: the conflict between sources is a note citing both, not a silent change.
    const apig0201 = entries.find((e) => e.id === 'g42-image/APIG.0201')!;
    expect(apig0201.message).toBe('The request body is oversized.');
    const conflict = apig0201.notes.find((n) => n.kind === 'contradiction');
    expect(conflict?.en).toMatch(/Backend timeout\./);
    expect(conflict?.en.match(/https:\/\/\S+/g)?.length).toBeGreaterThanOrEqual(2);
  });
});

describe(`knowledge base vs the source documents${SKIP_REASON ? ` (${SKIP_REASON})` : ''}`, { skip: !!SKIP_REASON }, () => {
  it('every source document is in KB_SOURCES_DIR, and each vendor names its document\'s public page', () => {
    const problems: string[] = [];
    for (const name of Object.values(SOURCE_FILES)) {
      if (!existsSync(`${SOURCES_DIR}${name}`)) problems.push(`source document ${SOURCES_DIR}${name} is missing`);
    }
    // The folder's README lists each document with its official page: the vendor's source.url must be one of them.
    const readme = readSource(SOURCE_FILES.readme).split('\n');
    for (const name of [SOURCE_FILES.ailabtoolsDocs20251217, SOURCE_FILES.ailabtoolsDocs20260401])
      if (!readme.some((l) => l.includes(name))) problems.push(`${name} is not listed in the README`);
    for (const [doc, vendorId] of Object.entries(VENDOR_OF_SOURCE)) {
      const row = readme.find((l) => l.includes(SOURCE_FILES[doc as keyof typeof VENDOR_OF_SOURCE]));
      const vendor = artifact.files.get(`${vendorId}.json`);
      const url = vendor ? (JSON.parse(vendor) as { vendor: { source: { url: string } } }).vendor.source.url : undefined;
      if (!row) problems.push(`${vendorId}: its document is not listed in the README`);
      else if (!url || !row.includes(url)) problems.push(`${vendorId}: source.url ${url} is not the official page the README gives for its document`);
    }
    expect(problems).toEqual([]);
  });

  it('the parsers read the expected number of source rows', () => {
    const s = sources();
    expect({
      ailabtools: s.ailabtools.length,
      ailabtoolsDocs20251217: s.ailabtoolsDocs20251217.length,
      ailabtoolsDocs20260401: s.ailabtoolsDocs20260401.length,
      baidu: s.baidu.length,
      baiduReadme: s.baiduReadme.length,
      picwishHttp: s.picwish.filter((r) => r.kind === 'http-status').length,
      picwishState: s.picwish.filter((r) => r.kind === 'task-state').length,
      softsugar: s.softsugar.length,
      g42Errors: s.g42.errors.length,
      g42Statuses: s.g42.statuses.length,
    }).toEqual({
      ailabtools: 124,
      ailabtoolsDocs20251217: 126,
      ailabtoolsDocs20260401: 126,
      baidu: 98,
      baiduReadme: 8,
      picwishHttp: 7,
      picwishState: 21,
      softsugar: 273, // two rows are exact duplicates
      g42Errors: 31,
      g42Statuses: 42,
    });
  });

  it('AILabTools: every row of the current page (2026-04-01) is one entry with the same status, code and message', () => {
    const problems: string[] = [];
    for (const row of sources().ailabtoolsDocs20260401) {
      const e = one(problems, 'ailabtools', 'error', row.code);
      if (!e) continue;
      same(problems, e, 'http_status', e.http_status, row.http_status);
      same(problems, e, 'message', e.message, row.message);
    }
    expect(problems).toEqual([]);
  });

  /** The status a document gave is the entry's current one, or one its history keeps, documented until `until`. */
  function statusOfItsTime(problems: string[], e: ArtifactEntry, status: number, until: string, where: string) {
    if (e.http_status === status) return;
    const kept = e.history.find((h) => h.field === 'http_status' && h.value === status);
    if (!kept) problems.push(`${label(e)}: ${where} gives HTTP ${status}, which is neither its http_status (${e.http_status}) nor in its history`);
    else if (kept.until !== until) problems.push(`${label(e)}: history keeps HTTP ${status} until ${kept.until}, expected ${until} (docs commit b42b812)`);
  }

  it('AILabTools: the 2025-12-17 copy and the legacy page give each code its current status or the one its history keeps (until 2026-01-08)', () => {
    const problems: string[] = [];
    const mine = entries.filter((e) => e.vendor === 'ailabtools' && e.kind === 'error');
    for (const row of sources().ailabtoolsDocs20251217) {
      const e = one(problems, 'ailabtools', 'error', row.code);
      if (!e) continue;
      statusOfItsTime(problems, e, row.http_status!, '2026-01-08', 'the 2025-12-17 copy');
      same(problems, e, 'message', e.message, row.message);
    }
    for (const row of sources().ailabtools) {
      // The code/message boundary is ambiguous in the legacy extraction: match the whole run-together text.
      const matches = mine.filter((e) => `${e.code}${e.message}` === row.codeAndMessage);
      if (matches.length !== 1) {
        problems.push(`ailabtools legacy row ${JSON.stringify(row.line)}: ${matches.length} entries have code + message equal to it`);
        continue;
      }
      statusOfItsTime(problems, matches[0]!, row.http_status, '2026-01-08', 'the legacy page');
    }
    // The issue's count: 48 codes changed status on 2026-01-08, and each keeps exactly one earlier status.
    const changed = mine.filter((e) => e.history.some((h) => h.field === 'http_status'));
    expect(changed.length).toBe(48);
    expect(changed.filter((e) => e.history.filter((h) => h.field === 'http_status').length !== 1).map(label)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('AILabTools: the two codes added in 2025-12 are entries added by a data release, absent from the legacy page', () => {
    const legacy = sources().ailabtools.map((r) => r.codeAndMessage);
    for (const code of ['ERROR_POSE_NOT_ENOUGH_KEYPOINTS', 'ERROR_FACE_COUNT_INVALID']) {
      const e = entries.find((x) => x.vendor === 'ailabtools' && x.code === code);
      expect(e?.added, code).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(legacy.some((l) => l.startsWith(code))).toBe(false);
    }
  });

  it('Baidu: every source row is one entry with the literal error_msg, no HTTP status and the vendor\'s Chinese text', () => {
    const problems: string[] = [];
    for (const row of sources().baidu) {
      const e = one(problems, 'baidu-face', 'error', row.code);
      if (!e) continue;
      same(problems, e, 'message', e.message, row.message);
      same(problems, e, 'http_status', e.http_status, null);
      checkZhCell(problems, e, 'meaning', row.meaningZh);
      checkZhCell(problems, e, 'vendor_remedy', row.remedyZh);
    }
    expect(problems).toEqual([]);
  });

  it('Baidu: the 8 rate-limit/auth codes of the sources README are entries with their literal error_msg', () => {
    const problems: string[] = [];
    const readme = sources().baiduReadme;
    expect(readme.map((r) => r.code)).toEqual(['4', '6', '17', '18', '19', '100', '110', '111']);
    for (const row of readme) {
      const e = one(problems, 'baidu-face', 'error', row.code);
      if (!e) continue;
      same(problems, e, 'message', e.message, row.message);
      same(problems, e, 'http_status', e.http_status, null);
    }
    expect(problems).toEqual([]);
  });

  it('PicWish: every HTTP status and task state is one entry whose vendor text is the source definition', () => {
    const problems: string[] = [];
    for (const row of sources().picwish) {
      const e = one(problems, 'picwish', row.kind, row.code);
      if (!e) continue;
      // HTTP statuses are their own status; the source never says which status comes with a task
      // state (HTTP 200 appears only in its success sample), so task states have none.
      same(problems, e, 'http_status', e.http_status, row.kind === 'http-status' ? Number(row.code) : null);
      same(problems, e, 'message', e.message, null); // the source gives definitions, no API messages
      checkSplitCell(problems, e, 'en', row.definition);
    }
    expect(problems).toEqual([]);
  });

  it('SoftSugar: every source row is one entry with the literal description and no HTTP status', () => {
    const problems: string[] = [];
    for (const row of sources().softsugar) {
      const e = one(problems, 'softsugar', 'error', row.code);
      if (!e) continue;
      same(problems, e, 'message', e.message, row.description);
      same(problems, e, 'http_status', e.http_status, null);
    }
    expect(problems).toEqual([]);
  });

  it('SoftSugar: only 84115975 and 84115976 are listed twice, with identical text', () => {
    const byCode = new Map<string, string[]>();
    for (const row of sources().softsugar) byCode.set(row.code, [...(byCode.get(row.code) ?? []), row.description]);
    const repeated = [...byCode].filter(([, texts]) => texts.length > 1);
    expect(repeated.map(([code]) => code)).toEqual(['84115975', '84115976']);
    for (const [code, texts] of repeated) expect(new Set(texts).size, `SoftSugar ${code}: the duplicate rows differ`).toBe(1);
  });

  it('G42: every error row is one entry with the literal 描述信息, its status and the vendor\'s Chinese text', () => {
    const problems: string[] = [];
    for (const row of sources().g42.errors) {
      const e = one(problems, 'g42-image', 'error', row.code);
      if (!e) continue;
      same(problems, e, 'message', e.message, row.message);
      same(problems, e, 'http_status', e.http_status, row.http_status);
      checkZhCell(problems, e, 'meaning', row.meaningZh);
      checkZhCell(problems, e, 'vendor_remedy', row.remedyZh);
    }
    expect(problems).toEqual([]);
  });

  it('G42: every HTTP status row is one entry with the reason phrase as message and the vendor\'s Chinese text', () => {
    const problems: string[] = [];
    for (const row of sources().g42.statuses) {
      const e = one(problems, 'g42-image', 'http-status', String(row.status));
      if (!e) continue;
      same(problems, e, 'message', e.message, row.phrase);
      same(problems, e, 'http_status', e.http_status, row.status);
      checkSplitCell(problems, e, 'zh', row.descriptionZh);
    }
    expect(problems).toEqual([]);
  });

  it('source anomalies are kept and noted', () => {
    const problems: string[] = [];
    const hasNote = (e: ArtifactEntry, kind: string) => e.notes.some((n) => n.kind === kind);
    for (const code of ['84115975', '84115976']) {
      const e = one(problems, 'softsugar', 'error', code);
      if (e && !hasNote(e, 'duplicate-in-source')) problems.push(`${label(e)}: no 'duplicate-in-source' note`);
    }
    const modelArts = entries.filter((e) => e.vendor === 'g42-image' && e.code.startsWith('ModelArts.'));
    if (modelArts.length !== sources().g42.errors.filter((r) => r.repaired).length) {
      problems.push(`g42-image: ${modelArts.length} ModelArts entries, but the source has ${sources().g42.errors.filter((r) => r.repaired).length} split "ModelArt s." codes`);
    }
    for (const e of modelArts) if (!hasNote(e, 'extraction-repair')) problems.push(`${label(e)}: no 'extraction-repair' note`);
    const e = one(problems, 'baidu-face', 'error', '222205');
    if (e) same(problems, e, 'message (typo kept)', e.message, 'network not availablel');
    expect(problems).toEqual([]);
  });

  it('every entry\'s code appears in its vendor\'s source', () => {
    const s = sources();
    const known = new Set<string>([
      ...s.ailabtoolsDocs20260401.map((r) => `ailabtools error ${r.code}`),
      ...s.baidu.map((r) => `baidu-face error ${r.code}`),
      ...s.baiduReadme.map((r) => `baidu-face error ${r.code}`),
      ...s.picwish.map((r) => `picwish ${r.kind} ${r.code}`),
      ...s.softsugar.map((r) => `softsugar error ${r.code}`),
      ...s.g42.errors.map((r) => `g42-image error ${r.code}`), // after the ModelArts repair
      ...s.g42.statuses.map((r) => `g42-image http-status ${r.status}`),
    ]);
    // An entry from another document than its vendor's main source cites that document instead.
    const missing = entries.filter((e) => e.source === null && !known.has(`${e.vendor} ${e.kind} ${e.code}`)).map((e) => `${label(e)}: not in the source`);
    expect(missing).toEqual([]);
  });
});
