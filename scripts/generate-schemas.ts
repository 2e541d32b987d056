/**
 * npm run schemas — writes the editor JSON Schemas for data files, generated from src/core/schema.ts
 * (data files reference them with `# yaml-language-server: $schema=...`), and src/core/artifact-types.ts,
 * the artifact's types generated from its JSON Schema, and src/core/data-types.ts, the data's vendor ids,
 * codes and categories as types. A test fails if any of them is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR, loadKnowledgeBase } from '../src/node/data-files.ts';
import { buildArtifactForSite } from '../src/node/artifact-files.ts';
import { editorSchemas } from '../src/core/json-schemas.ts';
import { artifactJsonSchema } from '../src/core/artifact.ts';
import { ARTIFACT_TYPES_FILE, artifactTypesSource } from './lib/artifact-types.ts';
import { DATA_TYPES_FILE, dataTypesSource } from './lib/data-types.ts';

const dir = join(DEFAULT_DATA_DIR, 'schema');
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(editorSchemas())) {
  writeFileSync(join(dir, name), text);
  console.log(`wrote data/schema/${name}`);
}

// The artifact's types for the library's declaration files (no zod in them), from its JSON Schema.
writeFileSync(ARTIFACT_TYPES_FILE, artifactTypesSource(artifactJsonSchema('https://example.org')));
console.log('wrote src/core/artifact-types.ts');

// The data's ids and codes as types (lookup and find check literals against them).
const index = JSON.parse(buildArtifactForSite(loadKnowledgeBase(), 'https://example.org').files.get('index.json')!);
writeFileSync(DATA_TYPES_FILE, dataTypesSource(index));
console.log('wrote src/core/data-types.ts');
