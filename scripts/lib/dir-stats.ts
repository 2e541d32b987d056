/** Size of a folder: bytes, files and HTML pages (for the benchmark reports). */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function dirStats(dir: string): { bytes: number; files: number; html: number } {
  let bytes = 0;
  let files = 0;
  let html = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const info = statSync(path);
    if (info.isDirectory()) {
      const sub = dirStats(path);
      bytes += sub.bytes;
      files += sub.files;
      html += sub.html;
    } else {
      bytes += info.size;
      files++;
      if (name.endsWith('.html')) html++;
    }
  }
  return { bytes, files, html };
}
