/** An edit a cache keyed on size and time stamp cannot see: same length, the old time stamp put back. */
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export function editKeepingSizeAndTime(file: string, from: string, to: string): void {
  const before = statSync(file);
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(from, to);
  expect(edited, `${from} is in ${file}`).not.toBe(text);
  expect(edited.length).toBe(text.length);
  writeFileSync(file, edited);
  utimesSync(file, before.atime, before.mtime);
  expect(Math.abs(statSync(file).mtimeMs - before.mtimeMs)).toBeLessThan(1);
  expect(statSync(file).size).toBe(before.size);
}
