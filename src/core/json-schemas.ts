/** JSON Schemas generated from the zod schemas (JSON Schema 2020-12). */
import { z } from 'zod';
import { categoriesFile, equivalenceGroupsFile, vendorFile } from './schema.ts';

export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Schemas for the YAML data files, as editors see them while people type (input side: defaults optional). */
export function editorSchemas(): Record<string, string> {
  const opts = { target: 'draft-2020-12', io: 'input' } as const;
  return {
    'vendor.schema.json': toJsonText(z.toJSONSchema(vendorFile, opts)),
    'categories.schema.json': toJsonText(z.toJSONSchema(categoriesFile, opts)),
    'equivalence-groups.schema.json': toJsonText(z.toJSONSchema(equivalenceGroupsFile, opts)),
  };
}
