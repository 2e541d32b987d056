/**
 * Validation of the whole data set: YAML with positions, the zod schema, then the rules a schema
 * alone cannot express (src/core/rules/, one module each). Pure: takes file texts, returns the
 * knowledge base or every problem found.
 */
import type { z } from 'zod';
import { categoriesFile, equivalenceGroupsFile, vendorFile, type Category, type EquivalenceGroup, type VendorFile } from './schema.ts';
import { invalidUtf8Offset, invisibleTranslations, positionOfByte } from './text-rules.ts';
import { RULES, runRules } from './rules/index.ts';
import type { Parsed } from './rules/types.ts';
import { formatPath, parseYaml, type ParsedYaml, type PathSegment, type Problem } from './yaml-source.ts';

export interface SourceFile {
  /** Path as it should appear in messages, e.g. `data/vendors/picwish.yaml`. */
  path: string;
  text: string;
  /** The bytes the text was decoded from, when read from disk: checked to be UTF-8. */
  bytes?: Uint8Array;
}

export interface LoadedVendor extends VendorFile {
  file: string;
}

export interface KnowledgeBase {
  categories: Category[];
  /** Sorted by vendor id. */
  vendors: LoadedVendor[];
  /** The equivalence groups (data/equivalence-groups.yaml); empty when there is no such file. */
  groups: EquivalenceGroup[];
}

export type ValidationResult = { ok: true; kb: KnowledgeBase; problems: [] } | { ok: false; problems: Problem[] };

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `required field is missing (expected ${issue.expected})`;
      return `expected ${issue.expected}, got ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}`;
    case 'invalid_value':
      if (value === undefined) return `required field is missing (one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')})`;
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; got ${JSON.stringify(value)}`;
    default:
      return issue.message;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function schemaProblems(parsed: ParsedYaml, issues: readonly z.core.$ZodIssue[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path as PathSegment[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const fieldPath = [...path, key];
        problems.push({
          file: parsed.file,
          ...parsed.locate(fieldPath, 'key'),
          path: formatPath(fieldPath),
          message: 'unknown field (check the spelling against src/core/schema.ts)',
        });
      }
      continue;
    }
    const value = valueAt(parsed.value, path);
    problems.push({ file: parsed.file, ...parsed.locate(path), path: formatPath(path), message: describeIssue(issue, value) });
  }
  return problems;
}

/** Invalid UTF-8 would silently become U+FFFD: say where the first bad byte is instead. */
function encodingProblem(source: SourceFile): Problem | undefined {
  if (!source.bytes) return undefined;
  const offset = invalidUtf8Offset(source.bytes);
  if (offset < 0) return undefined;
  const { line, column } = positionOfByte(source.bytes, offset);
  const byte = source.bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
  return { file: source.path, line, column, path: '', message: `not valid UTF-8: byte 0x${byte} at byte offset ${offset} (save the file as UTF-8)` };
}

function parseWith<T>(source: SourceFile, schema: z.ZodType<T>): { parsed: ParsedYaml; data?: T; problems: Problem[] } {
  const encoding = encodingProblem(source);
  if (encoding) return { parsed: parseYaml(source.path, ''), problems: [encoding] };
  const parsed = parseYaml(source.path, source.text);
  if (parsed.problems.length > 0) return { parsed, problems: parsed.problems };
  const result = schema.safeParse(parsed.value);
  const problems = result.success ? [] : schemaProblems(parsed, result.error.issues);
  // `trim().min(1)` lets a zero-width space through as a translation.
  const reported = new Set(problems.map((p) => p.path));
  for (const path of invisibleTranslations(parsed.value)) {
    if (reported.has(formatPath(path))) continue;
    problems.push({ file: parsed.file, ...parsed.locate(path), path: formatPath(path), message: 'must not be empty: it has only white space or invisible characters' });
  }
  if (!result.success || problems.length > 0) return { parsed, problems };
  return { parsed, data: result.data, problems: [] };
}

/** `data/vendors/g42-image.yaml` → `g42-image`: a vendor file's id, whatever is in it (vendor-id-matches-file). */
const fileStem = (path: string) => (path.split(/[\\/]/).pop() ?? path).replace(/\.ya?ml$/, '');

/**
 * Validate the categories file and every vendor file together: each file against the zod schema,
 * then the rules in src/core/rules/ over everything that parsed. A file that fails to parse reports
 * its own problems only: the rules that would miss what it defines (a link to one of its entries,
 * a share of all entries) do not report that absence too. `unreadVendorFiles`: vendor files the
 * caller could not read at all (their problems are the caller's).
 * Problems are sorted by file, line and column so the output reads top to bottom.
 */
export function validateSources(
  categoriesSource: SourceFile,
  vendorSources: readonly SourceFile[],
  groupsSource?: SourceFile,
  unreadVendorFiles: readonly string[] = [],
): ValidationResult {
  const problems: Problem[] = [];
  const unreadVendors = new Set(unreadVendorFiles.map(fileStem));

  const cats = parseWith(categoriesSource, categoriesFile);
  problems.push(...cats.problems);

  const vendors: Parsed<VendorFile>[] = [];
  for (const source of vendorSources) {
    if (!/\.yaml$/.test(source.path)) {
      problems.push({ file: source.path, line: 1, column: 1, path: '', message: 'vendor files must end in .yaml' });
      continue;
    }
    const result = parseWith(source, vendorFile);
    problems.push(...result.problems);
    if (result.data) vendors.push({ parsed: result.parsed, data: result.data });
    else unreadVendors.add(fileStem(source.path));
  }

  const groupsResult = groupsSource ? parseWith(groupsSource, equivalenceGroupsFile) : undefined;
  if (groupsResult) problems.push(...groupsResult.problems);

  const categoryById = new Map<string, Category>();
  for (const category of cats.data?.categories ?? []) categoryById.set(category.id, category);
  const vendorById = new Map<string, Parsed<VendorFile>>();
  for (const v of vendors) if (!vendorById.has(v.data.vendor.id)) vendorById.set(v.data.vendor.id, v);
  problems.push(
    ...runRules(RULES, {
      categories: cats.data && { parsed: cats.parsed, data: cats.data },
      categoryById,
      vendors,
      vendorById,
      groups: groupsResult?.data && { parsed: groupsResult.parsed, data: groupsResult.data },
      unreadVendors,
      complete: problems.length === 0 && unreadVendors.size === 0,
    }),
  );
  const groups: EquivalenceGroup[] = groupsResult?.data?.groups ?? [];

  if (problems.length > 0) {
    problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    return { ok: false, problems };
  }
  return {
    ok: true,
    problems: [],
    kb: {
      categories: cats.data!.categories,
      groups,
      vendors: vendors
        .map(({ parsed, data }) => ({ ...data, file: parsed.file }))
        .sort((a, b) => (a.vendor.id < b.vendor.id ? -1 : a.vendor.id > b.vendor.id ? 1 : 0)),
    },
  };
}
