/** A folder that is not a build output: someone's data and notes, which no writer may delete. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function foreignFolder(parent: string, name: string): string {
  const dir = join(parent, name);
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'data', 'keep.yaml'), 'mine\n');
  writeFileSync(join(dir, 'notes.txt'), 'mine too\n');
  return dir;
}
