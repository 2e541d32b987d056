// Temporary quick check used while the full validator is being written.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { vendorFile } from '../src/core/schema.ts';
for (const file of process.argv.slice(2)) {
  const r = vendorFile.safeParse(parse(readFileSync(file, 'utf8'), { uniqueKeys: true }));
  if (r.success) console.log(`${file}: OK, ${r.data.entries.length} entries`);
  else { for (const i of r.error.issues) console.log(`${file} ${i.path.join('.')}: ${i.message}`); process.exitCode = 1; }
}
