/**
 * Synthetic vendors copied from real ones under new ids, with no code change: the proof that a vendor
 * is data. `renamed` replaces the originals (every reference to them follows), so each clone must
 * behave exactly like its original; `added` keeps the originals and adds the clones beside them.
 * (Renamed means every reference: the vendor files and the equivalence groups.)
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Original id → the clone's id. A task-state vendor and a vendor that forwards another's messages.
 * Each clone's id sorts where its original's does, so lists ordered by id keep their order, and is as long,
 * so pages that link it keep their size (test/build/changed-data-site.test.ts compares page sizes).
 */
export const CLONES = { picwish: 'pictask', ailabtools: 'ailabclone' } as const;

/** Every reference to a vendor id in a data file: its own id, entry references, forwards_from. */
function renameIds(text: string, ids: Record<string, string>): string {
  // SDK package names are no references, even where they read like one (`ailabtools/ailabtools`).
  return text
    .split('\n')
    .map((line) => {
      if (line.startsWith('  sdks:')) return line;
      let out = line;
      for (const [from, to] of Object.entries(ids)) {
        out = out
          .replace(new RegExp(`^(  id: )${from}$`), `$1${to}`)
          .replace(new RegExp(`(?<![\\w.-])${from}(?=/)`, 'g'), to)
          .replace(new RegExp(`(vendor: )${from}\\b`, 'g'), `$1${to}`);
      }
      return out;
    })
    .join('\n');
}

function copyData(): string {
  const data = join(mkdtempSync(join(tmpdir(), 'kb-clones-')), 'data');
  cpSync(join(ROOT, 'data'), data, { recursive: true });
  return data;
}

/** A data folder where each original is replaced by its clone. */
export function renamedDataDir(): string {
  const data = copyData();
  const vendors = join(data, 'vendors');
  for (const file of [...readdirSync(vendors).map((name) => join(vendors, name)), join(data, 'equivalence-groups.yaml')]) {
    writeFileSync(file, renameIds(readFileSync(file, 'utf8'), CLONES));
  }
  for (const [from, to] of Object.entries(CLONES)) renameSync(join(vendors, `${from}.yaml`), join(vendors, `${to}.yaml`));
  return data;
}

/** A data folder with the originals and, beside them, their clones (seven vendors). */
export function addedDataDir(): string {
  const data = copyData();
  const vendors = join(data, 'vendors');
  for (const [from, to] of Object.entries(CLONES)) {
    // The clone's own id changes; its links and forwards_from keep pointing at the other originals.
    const text = readFileSync(join(vendors, `${from}.yaml`), 'utf8').replace(new RegExp(`^(  id: )${from}$`, 'm'), `$1${to}`);
    writeFileSync(join(vendors, `${to}.yaml`), text);
  }
  return data;
}

/** Maps the originals' ids to the clones' in any JSON-able value (ids, URLs, reasons). */
export function asClone<T>(value: T): T {
  // SDK package names are not vendor ids, even where they read the same (AILabTools' npm package is `ailabtools`).
  const sdks: unknown[] = [];
  let text = JSON.stringify(value, (key, v: unknown) => (key === 'sdks' ? (sdks.push(v), `\u0000sdks${sdks.length - 1}`) : v));
  for (const [from, to] of Object.entries(CLONES)) {
    text = text
      .replace(new RegExp(`"${from}"`, 'g'), `"${to}"`)
      .replace(new RegExp(`(?<![\\w.-])${from}(?=/)`, 'g'), to)
      .replace(new RegExp(`/${from}\\.json`, 'g'), `/${to}.json`);
  }
  return JSON.parse(text, (key, v: unknown) => (key === 'sdks' && typeof v === 'string' && v.startsWith('\u0000sdks') ? sdks[Number(v.slice(5))] : v)) as T;
}

/**
 * Order that follows from vendor ids (equivalents sorted by id, candidates in index order, which is
 * vendor order) changes with a rename: compare as sets.
 */
export function canonical<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) => {
    if (key === 'equivalents' && Array.isArray(v)) return [...(v as string[])].sort();
    if (key === 'candidates' && Array.isArray(v)) return [...(v as { id: string }[])].sort((a, b) => (a.id < b.id ? -1 : 1));
    return v;
  }) as T;
}
