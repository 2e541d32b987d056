/**
 * npm run schemas — writes the editor JSON Schemas for data files, generated from src/core/schema.ts.
 * Data files reference them with `# yaml-language-server: $schema=...`. A test fails if they are stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR } from '../src/node/data-files.ts';
import { editorSchemas } from '../src/core/json-schemas.ts';

const dir = join(DEFAULT_DATA_DIR, 'schema');
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(editorSchemas())) {
  writeFileSync(join(dir, name), text);
  console.log(`wrote data/schema/${name}`);
}
