/**
 * src/core/data-types.ts (the data's vendor ids, codes and categories as types, which lookup and find
 * check literals against) is generated from data/ and committed: it must say what the data says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_TYPES_FILE, dataTypesSource } from '../scripts/lib/data-types.ts';
import { realIndex } from './support/real-index.ts';

describe('src/core/data-types.ts', () => {
  it('is up to date with data/ (if not: run npm run schemas)', () => {
    const fresh = dataTypesSource(realIndex());
    expect(readFileSync(DATA_TYPES_FILE, 'utf8') === fresh, 'src/core/data-types.ts is stale: run `npm run schemas`').toBe(true);
  });

  it('changes when a code is added, and lists every code of the data once per vendor and kind', () => {
    const index = realIndex();
    const before = dataTypesSource(index);
    index.entries.push({ ...index.entries.find((e) => e.vendor === 'baidu-face')!, code: '999999', id: 'baidu-face/999999' });
    expect(dataTypesSource(index)).not.toBe(before);
    expect(dataTypesSource(index)).toContain('| "999999"');
    const codes = before.match(/^ {6}\| "/gm)!.length;
    const distinct = new Set(realIndex().entries.map((e) => `${e.vendor} ${e.kind} ${e.code}`)).size;
    expect(codes).toBe(distinct);
  });
});
