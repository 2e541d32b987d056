/** Lookup over the artifact built from the real data: every accepted spelling of a code, every vendor that has it, messages and templates. */
import { describe, expect, it } from 'vitest';
import { createLookup, find, lookup } from '../src/core/lookup.ts';
import { explain } from '../src/core/explain.ts';
import { compactCode, normalizeCode } from '../src/core/normalize.ts';
import * as library from '../src/core/index.ts';
import { realIndex } from './support/real-index.ts';

const index = realIndex();
const kb = createLookup(index);
const ids = (list: { id: string }[]) => list.map((e) => e.id);
/** A value known only at run time, as a code read from a response is: literals must be the data's exact spellings (src/core/typed.ts), run-time strings may be any. */
const runtime = (s: string): string => s;

describe('lookup', () => {
  it('finds a code at every vendor that has it, in any accepted spelling', () => {
    expect(ids(kb.find('222202'))).toEqual(['baidu-face/222202']);
    expect(ids(kb.find(runtime(' 222202 ')))).toEqual(['baidu-face/222202']);
    expect(ids(kb.find(222202))).toEqual(['baidu-face/222202']);
    for (const spelling of ['ModelArts.4204', 'modelarts.4204', 'ModelArts 4204', ' MODELARTS.4204 ', 'modelarts4204', 'ModelArts_4204'])
      expect(ids(kb.find(spelling)), spelling).toEqual(['g42-image/ModelArts.4204']);
    expect(ids(kb.find(runtime('ModelArt s.4101')))).toEqual(['g42-image/ModelArts.4101']);
    expect(ids(kb.find(runtime('error_no_face_in_file')))).toEqual(['ailabtools/ERROR_NO_FACE_IN_FILE']);
    expect(ids(kb.find('400'))).toEqual(['g42-image/http/400', 'picwish/http/400', 'softsugar/400']);
    expect(kb.find(runtime('nonexistent'))).toEqual([]);
  });

  it('finds entry ids, and resolves vendors by id, prefix or name', () => {
    expect(ids(kb.find('picwish/state/-8'))).toEqual(['picwish/state/-8']);
    expect(ids(kb.find(runtime('Baidu-Face/222202')))).toEqual(['baidu-face/222202']);
    expect(kb.vendorId('baidu')).toBe('baidu-face');
    expect(kb.vendorId('PicWish')).toBe('picwish');
    expect(kb.vendorId('佐糖')).toBe('picwish');
    expect(kb.vendorId('nobody')).toBeUndefined();
  });

  it('looks up one vendor: errors first, then task states, then HTTP statuses, or the kind asked for', () => {
    expect(kb.lookup('baidu-face', '222202')?.id).toBe('baidu-face/222202');
    expect(kb.lookup('picwish', '-8')?.id).toBe('picwish/state/-8');
    expect(kb.lookup('picwish', 429)?.id).toBe('picwish/http/429');
    expect(kb.lookup('picwish', '1', 'task-state')?.id).toBe('picwish/state/1');
    expect(kb.lookup('picwish', runtime('1'), 'http-status')).toBeUndefined();
    expect(kb.lookup('softsugar', '400')?.kind).toBe('error');
    expect(kb.lookup(runtime('nobody'), '400')).toBeUndefined();
    expect(lookup(index, 'g42-image', runtime('modelarts 4204'))?.id).toBe('g42-image/ModelArts.4204');
    expect(ids(find(index, 'AIS.0014'))).toEqual(['g42-image/AIS.0014']);
  });

  it('no two codes of one vendor and kind share a comparison key, so lookups are unambiguous', () => {
    for (const key of [normalizeCode, compactCode]) {
      const seen = new Map<string, string>();
      for (const e of index.entries) {
        const k = `${e.vendor} ${e.kind} ${key(e.code)}`;
        expect(seen.get(k), `${e.id} and ${seen.get(k)}`).toBeUndefined();
        seen.set(k, e.id);
      }
    }
  });

  it('matches literal messages and filled-in templates', () => {
    expect(ids(kb.matchMessage('pic not has face'))).toEqual(['baidu-face/222202']);
    expect(ids(kb.matchMessage('  PIC NOT HAS FACE. '))).toEqual(['baidu-face/222202']);
    expect(ids(kb.matchMessage('Refresh token too frequent, limited to 3 hour intervals'))).toEqual(['softsugar/60112161']);
    expect(kb.matchMessage('system busy')).toHaveLength(17);
    expect(kb.matchMessage('system busy', 'softsugar')).toEqual([]);
  });

  it('the library entry point exports lookup, find, explain and normalizeCode', () => {
    for (const name of ['createLookup', 'lookup', 'find', 'explain', 'normalizeCode', 'searchEntries'])
      expect(typeof (library as Record<string, unknown>)[name], name).toBe('function');
  });
});
