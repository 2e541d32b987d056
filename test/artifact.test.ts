import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase, validateDataDir } from '../src/node/data-files.ts';
import { buildArtifactForSite } from '../src/node/artifact-files.ts';
import { editorSchemas } from '../src/core/json-schemas.ts';
import { matchesTemplate, templatePattern } from '../src/core/templates.ts';
import { artifactJsonSchema } from '../src/core/artifact.ts';
import { ARTIFACT_TYPES_FILE, artifactTypesSource } from '../scripts/lib/artifact-types.ts';

const root = join(import.meta.dirname, '..');
const kb = loadKnowledgeBase();
const site = 'https://errors.example.org';

describe('the JSON artifact', () => {
  const artifact = buildArtifactForSite(kb, site);
  const json = (path: string) => JSON.parse(artifact.files.get(path)!);

  it('two builds from two reads of the same data give byte-identical files', () => {
    // An independent read of the data (loadKnowledgeBase would hand back the same object). Compared
    // in memory: build:api writing them is tested in test/process/output-folders.test.ts, and two
    // whole builds' files are compared on disk in test/build/determinism.test.ts.
    const again = validateDataDir();
    if (!again.ok) throw new Error('the real data is invalid');
    const files = buildArtifactForSite(again.kb, site).files;
    expect([...files.keys()].sort()).toEqual([...artifact.files.keys()].sort());
    for (const [path, text] of artifact.files) expect(files.get(path), path).toBe(text);
  });

  it('data_version changes when the data changes, and only then', () => {
    const changed = structuredClone(kb);
    changed.vendors[0]!.entries[0]!.remedy.en += ' (changed)';
    expect(buildArtifactForSite(changed, site).dataVersion).not.toBe(artifact.dataVersion);
    expect(buildArtifactForSite(structuredClone(kb), site).dataVersion).toBe(artifact.dataVersion);
  });

  it('holds the expected files', () => {
    for (const path of ['index.json', 'categories.json', 'schema.json', 'picwish.json', 'picwish/state/-8.json', 'g42-image/ModelArts.4204.json', 'picwish/http/429.json'])
      expect(artifact.files.has(path), path).toBe(true);
    expect(json('index.json').entries).toHaveLength(618);
  });

  it('PicWish holds its 28 entries (7 HTTP statuses, 21 task states)', () => {
    const file = json('picwish.json');
    expect(file.entries).toHaveLength(28);
    expect(file.vendor.counts).toEqual({ error: 0, 'http-status': 7, 'task-state': 21, 'sdk-error': 0 });
    expect(file.entries.find((e: { id: string }) => e.id === 'picwish/http/401').meaning.en).toBe('Unauthorized API Key.');
  });

  it('every entry carries the contract fields and its page URL', () => {
    for (const e of json('index.json').entries) {
      for (const field of ['vendor', 'kind', 'code', 'http_status', 'message', 'meaning', 'remedy', 'category', 'retryable', 'url'])
        expect(e, `${e.id} lacks ${field}`).toHaveProperty(field);
      expect(e.url.startsWith(`${site}/${e.vendor}/`)).toBe(true);
    }
  });

  it('equivalents are symmetric', () => {
    const entries = new Map(json('index.json').entries.map((e: { id: string }) => [e.id, e]));
    for (const e of entries.values() as Iterable<{ id: string; equivalents: string[] }>)
      for (const other of e.equivalents) expect((entries.get(other) as { equivalents: string[] }).equivalents, `${other} ↔ ${e.id}`).toContain(e.id);
  });

  describe('validates against its own schema.json (ajv, JSON Schema 2020-12)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const schema = json('schema.json');
    ajv.addSchema(schema, 'schema.json');
    const validators = new Map<string, ReturnType<typeof ajv.compile>>();
    const check = (ref: string, data: unknown) => {
      if (!validators.has(ref)) validators.set(ref, ajv.compile({ $ref: ref }));
      const validate = validators.get(ref)!;
      const ok = validate(data);
      return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    };
    it('index.json', () => expect(check('schema.json', json('index.json'))).toEqual([]));
    it('every <vendor>.json', () => {
      for (const v of kb.vendors) expect(check('schema.json#/$defs/vendor_file', json(`${v.vendor.id}.json`)), v.vendor.id).toEqual([]);
    });
    it('every per-entry file', () => {
      for (const [path, text] of artifact.files)
        if (path.includes('/')) expect(check('schema.json#/$defs/entry_file', JSON.parse(text)), path).toEqual([]);
    });
    it('categories.json', () => expect(check('schema.json#/$defs/categories_file', json('categories.json'))).toEqual([]));
    it('rejects an entry with a field removed (the schema is not vacuous)', () => {
      const broken = json('picwish/http/429.json');
      delete broken.entry.remedy;
      expect(check('schema.json#/$defs/entry_file', broken).join()).toMatch(/remedy/);
    });
  });
});

describe('editor schemas in data/schema/', () => {
  it('are up to date with src/core/schema.ts (run npm run schemas)', () => {
    for (const [name, text] of Object.entries(editorSchemas()))
      expect(readFileSync(join(root, 'data/schema', name), 'utf8'), name).toBe(text);
  });
  it('are referenced by every data file', () => {
    for (const name of readdirSync(join(root, 'data/vendors')))
      expect(readFileSync(join(root, 'data/vendors', name), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/vendor.schema.json');
    expect(readFileSync(join(root, 'data/categories.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/categories.schema.json');
  });
});

describe('the artifact types of the library (src/core/artifact-types.ts)', () => {
  it('are up to date with the artifact schema (run npm run schemas)', () => {
    expect(readFileSync(ARTIFACT_TYPES_FILE, 'utf8')).toBe(artifactTypesSource(artifactJsonSchema('https://example.org')));
  });
  it('the generator refuses what it cannot express, naming where', () => {
    expect(() => artifactTypesSource({ type: 'object', properties: { a: { type: 'object', properties: {} } }, additionalProperties: false })).toThrow(
      'schema.json.a: objects must be strict',
    );
    expect(() => artifactTypesSource({ type: 'object', additionalProperties: false, $defs: { x: { oneOf: [] } } })).toThrow('schema.json#/$defs/x: unsupported schema');
  });
});

describe('message templates', () => {
  it('match filled-in messages and nothing else', () => {
    const template = 'Failed to log in %s consecutive times, please try again after %s';
    expect(matchesTemplate(template, 'Failed to log in 5 consecutive times, please try again after 10 minutes')).toBe(true);
    expect(matchesTemplate(template, 'Failed to log in consecutive times')).toBe(false);
    expect(matchesTemplate('Found %s records (a+b)?', 'Found 12 records (a+b)?')).toBe(true);
    expect(new RegExp(templatePattern('a.b %s')).test('axb 1')).toBe(false);
  });
});
