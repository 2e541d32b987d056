/**
 * The artifact as an API: schema.json's absolute $id and `format: uri`, openapi.json (every static
 * file has its path; every body $ref is relative and lands in schema.json; a real validator accepts
 * it offline), entries.csv (BOM, RFC 4180, both
 * languages) and entries.jsonl, and the hosting headers in public/_headers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../src/node/data-files.ts';
import { buildArtifactForSite } from '../src/node/artifact-files.ts';
import { CSV_COLUMNS } from '../src/core/artifact-tables.ts';
import type { ArtifactEntry, ArtifactIndex } from '../src/core/artifact-types.ts';

const root = join(import.meta.dirname, '..');
const site = 'https://errors.example.org';
const files = buildArtifactForSite(loadKnowledgeBase(), site).files;
const json = (path: string) => JSON.parse(files.get(path)!);
const index = json('index.json') as ArtifactIndex;

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF), for checking what we write. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  if (field || row.length) throw new Error('the CSV does not end with CRLF');
  return rows;
}

describe('schema.json', () => {
  const schema = json('schema.json');
  it('has an absolute $id, where it is published', () => expect(schema.$id).toBe(`${site}/api/v1/schema.json`));
  it('declares the URL fields as format: uri, and ajv enforces it', () => {
    for (const def of ['entry', 'vendor', 'category']) for (const field of ['url', 'url_zh']) expect(schema.$defs[def].properties[field].format, `${def}.${field}`).toBe('uri');
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(index), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const broken = structuredClone(index);
    broken.entries[0]!.url = 'not a url';
    expect(validate(broken)).toBe(false);
    expect(JSON.stringify(validate.errors)).toContain('"format":"uri"');
  });
});

describe('openapi.json', () => {
  const doc = json('openapi.json');
  const schema = json('schema.json');
  it('is OpenAPI 3.1 with the API root as its server', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: `${site}/api/v1` }]);
    expect(doc.info.version).toBe(index.artifact_version);
  });

  it('describes every file the artifact writes', () => {
    const templates = Object.keys(doc.paths).map((p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`));
    const undescribed = [...files.keys()].filter((f) => !templates.some((t) => t.test(`/${f}`)));
    expect(undescribed).toEqual([]);
    // and the vendor parameter lists exactly the vendors
    expect(doc.paths['/{vendor}.json'].get.parameters[0].schema.enum).toEqual(index.vendors.map((v) => v.id));
  });

  it('every $ref is relative and points into schema.json, at a definition that exists', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g)!.map((r) => r.slice(8, -1));
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) {
      const [base, pointer] = ref.split('#');
      // Beside openapi.json on the site: the schema's published $id.
      expect(new URL(base!, `${site}/api/v1/openapi.json`).href).toBe(schema.$id);
      if (pointer) expect(schema.$defs[pointer.replace('/$defs/', '')], ref).toBeDefined();
    }
  });

  it('validates offline with a real validator (@apidevtools/swagger-parser), its refs resolved from the files beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    try {
      for (const name of ['openapi.json', 'schema.json']) writeFileSync(join(dir, name), files.get(name)!);
      const resolved = (await SwaggerParser.validate(join(dir, 'openapi.json'))) as { paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: { properties?: object } }> }> } }> };
      // The $ref was followed into schema.json: the vendor file's schema has its properties.
      expect(Object.keys(resolved.paths['/{vendor}.json']!.get.responses['200']!.content!['application/json']!.schema.properties!)).toContain('entries');
      // Not vacuous: a broken $ref fails.
      writeFileSync(join(dir, 'openapi.json'), files.get('openapi.json')!.replace('"schema.json#/$defs/vendor_file"', '"schema.json#/$defs/no_such_def"'));
      await expect(SwaggerParser.validate(join(dir, 'openapi.json'))).rejects.toThrow(/no_such_def/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('entries.csv and entries.jsonl', () => {
  it('entries.csv: UTF-8 with BOM, a header row, one row per entry with both languages, exact text', () => {
    const text = files.get('entries.csv')!;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(index.entries.length);
    const expected = (e: ArtifactEntry) =>
      [e.id, e.vendor, e.kind, e.code, e.http_status ?? '', e.message ?? '', e.meaning.en, e.meaning.zh, e.remedy.en, e.remedy.zh, e.category, e.retryable, e.action, e.end_user_message.en, e.end_user_message.zh, e.url].map(String);
    index.entries.forEach((e, i) => expect(rows[i], e.id).toEqual(expected(e)));
    // quoting is exercised by the real data: commas in remedies, Chinese in meanings
    expect(rows.some((r) => r.some((f) => f.includes(',')))).toBe(true);
    expect(rows.find((r) => r[0] === 'baidu-face/222202')![7]).toBe(index.entries.find((e) => e.id === 'baidu-face/222202')!.meaning.zh);
  });

  it('entries.jsonl: one entry per line, equal to index.json', () => {
    const lines = files.get('entries.jsonl')!.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l))).toEqual(index.entries);
  });
});

describe('hosting headers (public/_headers)', () => {
  const headers = readFileSync(join(root, 'public', '_headers'), 'utf8');
  it('let other origins fetch the API and say how long to cache it', () => {
    const block = headers.slice(headers.indexOf('/api/*'));
    expect(block).toMatch(/^\/api\/\*\n(?: {2}[^\n]+\n)*? {2}Access-Control-Allow-Origin: \*$/m);
    expect(block).toMatch(/ {2}Cache-Control: public, max-age=\d+/);
    expect(headers).toMatch(/\/api\/v1\/entries\.csv\n {2}Content-Type: text\/csv; charset=utf-8/);
  });
});
