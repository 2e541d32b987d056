/**
 * The field lists of the JSON guide, generated from the zod schemas of the artifact
 * (src/core/artifact.ts) through z.toJSONSchema, so the guide lists exactly the fields the files
 * have. Descriptions come from the schemas' `.meta({ description })`: the artifact's own first,
 * then the same field of the data schema (src/core/schema.ts), then src/site/field-text.ts.
 */
import { z } from 'zod';
import { artifactEntry, indexFile } from '../core/artifact.ts';
import { entry } from '../core/schema.ts';

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  description?: string;
}

export interface FieldRow {
  /** `code`, `meaning.en`, `notes[].kind` */
  path: string;
  /** Nesting depth: 0 for a top-level field. */
  depth: number;
  /** `string`, `integer | null`, `"vendor" | "ours"`, `string[]`, `object[]` */
  type: string;
  /** English description from the schemas, if any. */
  description: string | undefined;
}

const OPTIONS = { target: 'draft-2020-12', io: 'output' } as const;

function generate(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, OPTIONS) as JsonSchema;
}

function resolver(root: JsonSchema) {
  return (s: JsonSchema): JsonSchema => {
    let current = s;
    while (current.$ref?.startsWith('#/$defs/')) current = root.$defs?.[current.$ref.slice('#/$defs/'.length)] ?? {};
    return current;
  };
}

function typeOf(s: JsonSchema, resolve: (s: JsonSchema) => JsonSchema): string {
  const r = resolve(s);
  if (r.anyOf) return r.anyOf.map((a) => typeOf(a, resolve)).join(' | ');
  if (r.enum) return r.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (r.type === 'array') return r.items ? `${wrap(typeOf(r.items, resolve))}[]` : 'array';
  if (Array.isArray(r.type)) return r.type.join(' | ');
  return r.type ?? 'any';
}

const wrap = (type: string) => (type.includes('|') ? `(${type})` : type);

/** The described fields of an object schema, depth first (objects and arrays of objects are expanded). */
function rows(s: JsonSchema, resolve: (s: JsonSchema) => JsonSchema, prefix = '', depth = 0): FieldRow[] {
  const out: FieldRow[] = [];
  for (const [name, raw] of Object.entries(resolve(s).properties ?? {})) {
    const field = resolve(raw);
    const path = `${prefix}${name}`;
    const item = field.type === 'array' && field.items ? resolve(field.items) : undefined;
    out.push({ path, depth, type: typeOf(raw, resolve), description: field.description ?? item?.description });
    // An object that may be null (retry, action_reason) is expanded like an object.
    const nullable = field.anyOf?.map(resolve).filter((a) => a.properties);
    const object = field.properties ? field : nullable?.length === 1 ? nullable[0] : undefined;
    if (object) out.push(...rows(object, resolve, `${path}.`, depth + 1));
    else if (item?.properties) out.push(...rows(item, resolve, `${path}[].`, depth + 1));
  }
  return out;
}

function fieldRows(schema: z.ZodType): FieldRow[] {
  const root = generate(schema);
  return rows(root, resolver(root));
}

/** Every field of an entry, in the order the files write them. */
export function entryFields(): FieldRow[] {
  const data = new Map(fieldRows(entry).map((r) => [r.path, r.description]));
  return fieldRows(artifactEntry).map((r) => ({ ...r, description: r.description ?? data.get(r.path) }));
}

/** The header every file starts with (artifact_version, data_version, site). */
export function headerFields(): FieldRow[] {
  return fieldRows(indexFile).filter((r) => r.depth === 0 && !r.type.endsWith('[]'));
}
