/**
 * Validation of the whole data set: YAML with positions, the zod schema, then the rules a schema
 * alone cannot express. Pure: takes file texts, returns the knowledge base or every problem found.
 */
import type { z } from 'zod';
import { categoriesFile, equivalenceGroupsFile, vendorFile, type Category, type EquivalenceGroup, type VendorFile } from './schema.ts';
import { entryRef, PLACEHOLDER, RESERVED_CODE_SEGMENTS, RESERVED_VENDOR_IDS } from './model.ts';
import { MAX_TEMPLATE_PLACEHOLDERS } from './templates.ts';
import { caseFoldedCode, codeProblem, invalidUtf8Offset, invisibleTranslations, positionOfByte } from './text-rules.ts';
import { checkGroups } from './equivalence.ts';
import { numberMismatch } from './content-rules.ts';
import { renderExampleBody, unknownPlaceholders } from './example-body.ts';
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

function fileStem(path: string): string {
  const name = path.split('/').pop() ?? path;
  return name.replace(/\.ya?ml$/, '');
}

/**
 * Validate the categories file and every vendor file together.
 * Problems are sorted by file, line and column so the output reads top to bottom.
 */
export function validateSources(categoriesSource: SourceFile, vendorSources: readonly SourceFile[], groupsSource?: SourceFile): ValidationResult {
  const problems: Problem[] = [];
  const report = (parsed: ParsedYaml, path: PathSegment[], message: string, target: 'key' | 'value' = 'value') =>
    problems.push({ file: parsed.file, ...parsed.locate(path, target), path: formatPath(path), message });

  // Categories.
  const cats = parseWith(categoriesSource, categoriesFile);
  problems.push(...cats.problems);
  const categoryIds = new Set<string>();
  const categoryById = new Map<string, Category>();
  if (cats.data) {
    cats.data.categories.forEach((category, i) => {
      if (categoryIds.has(category.id)) report(cats.parsed, ['categories', i, 'id'], `duplicate category id "${category.id}"`);
      categoryIds.add(category.id);
      categoryById.set(category.id, category);
      for (const field of ['name', 'description', 'advice', 'end_user_message'] as const) {
        const why = numberMismatch(category[field].en, category[field].zh);
        if (why) report(cats.parsed, ['categories', i, field, 'zh'], why);
      }
    });
  }

  // Vendor files, each on its own.
  const vendors: { parsed: ParsedYaml; data: VendorFile }[] = [];
  for (const source of vendorSources) {
    if (!/\.yaml$/.test(source.path)) {
      problems.push({ file: source.path, line: 1, column: 1, path: '', message: 'vendor files must end in .yaml' });
      continue;
    }
    const result = parseWith(source, vendorFile);
    problems.push(...result.problems);
    if (result.data) vendors.push({ parsed: result.parsed, data: result.data });
  }

  // Rules within one vendor.
  const vendorById = new Map<string, { parsed: ParsedYaml; data: VendorFile }>();
  for (const v of vendors) {
    const { parsed, data } = v;
    const id = data.vendor.id;
    if (fileStem(parsed.file) !== id) report(parsed, ['vendor', 'id'], `vendor id "${id}" must match the file name "${fileStem(parsed.file)}.yaml" (rename one of them)`);
    if (RESERVED_VENDOR_IDS.has(id)) report(parsed, ['vendor', 'id'], `"${id}" is a path the site itself uses and cannot be a vendor id`);
    const previous = vendorById.get(id);
    if (previous) report(parsed, ['vendor', 'id'], `duplicate vendor id "${id}": also used by ${previous.parsed.file}`);
    else vendorById.set(id, v);

    const languages = new Set(data.vendor.source.languages);
    const seen = new Map<string, number>();
    const folded = new Map<string, number>();
    data.entries.forEach((entry, i) => {
      const at = (...rest: PathSegment[]) => ['entries', i, ...rest];
      const key = `${entry.kind}\u0000${entry.code}`;
      const first = seen.get(key);
      if (first !== undefined) {
        const pos = parsed.locate(['entries', first, 'code']);
        report(parsed, at('code'), `duplicate code "${entry.code}" (kind ${entry.kind}): already defined at ${parsed.file}:${pos.line}:${pos.column} (entries[${first}])`);
      } else {
        seen.set(key, i);
        // On macOS and Windows `Abc.json` and `abc.json` are one file: one would overwrite the other.
        const foldedKey = `${entry.kind}\u0000${caseFoldedCode(entry.code)}`;
        const other = folded.get(foldedKey);
        if (other !== undefined) {
          const pos = parsed.locate(['entries', other, 'code']);
          report(parsed, at('code'), `code "${entry.code}" differs only in case from "${data.entries[other]!.code}" at ${parsed.file}:${pos.line}:${pos.column} (entries[${other}]); their files would collide on case-insensitive file systems`);
        } else folded.set(foldedKey, i);
      }

      const wrongCode = codeProblem(entry.code);
      if (wrongCode) report(parsed, at('code'), `code ${wrongCode}`);

      if (!categoryIds.has(entry.category) && cats.data) report(parsed, at('category'), `unknown category "${entry.category}" (see data/categories.yaml)`);

      if (entry.code === '.' || entry.code === '..')
        report(parsed, at('code'), `"${entry.code}" is not usable as a URL segment (it would resolve to another page)`);
      if (entry.kind === 'error' && RESERVED_CODE_SEGMENTS.has(entry.code))
        report(parsed, at('code'), `"${entry.code}" is reserved in URLs and cannot be an error code`);
      if (entry.kind === 'http-status' && String(entry.http_status) !== entry.code)
        report(parsed, at('http_status'), `an http-status entry must have http_status equal to its code (${entry.code}), got ${entry.http_status}`);
      if (entry.kind === 'task-state' && !entry.task_outcome)
        report(parsed, at('kind'), 'a task-state entry needs task_outcome (pending, success or failure)');
      if (entry.kind !== 'task-state' && entry.task_outcome)
        report(parsed, at('task_outcome'), `task_outcome is only for task-state entries, not ${entry.kind}`, 'key');

      const hasPlaceholder = entry.message !== null && PLACEHOLDER.test(entry.message);
      if (hasPlaceholder && !entry.message_is_template)
        report(parsed, at('message'), 'message contains a placeholder (%s): set message_is_template: true');
      const placeholders = entry.message?.match(/%[sd]/g)?.length ?? 0;
      if (placeholders > MAX_TEMPLATE_PLACEHOLDERS)
        report(parsed, at('message'), `message has ${placeholders} placeholders; at most ${MAX_TEMPLATE_PLACEHOLDERS} are allowed (each one makes matching a pasted message costlier)`);
      if (!hasPlaceholder && entry.message_is_template)
        report(parsed, at('message_is_template'), 'message_is_template is true but the message has no %s or %d placeholder');
      if (entry.message !== null && entry.message !== entry.message.trim())
        report(parsed, at('message'), 'message has leading or trailing white space; keep the literal text exactly');

      for (const field of ['meaning', 'vendor_remedy'] as const) {
        const vt = entry[field]?.vendor_text;
        if (vt !== undefined && vt !== 'none' && !languages.has(vt))
          report(parsed, at(field, 'vendor_text'), `vendor_text is "${vt}" but vendor.source.languages does not include "${vt}"`);
      }
      if (entry.remedy.vendor_text !== 'none')
        report(parsed, at('remedy', 'vendor_text'), "remedy is ours (vendor_text: none); put the vendor's own remedy in vendor_remedy");
      if (entry.vendor_remedy?.vendor_text === 'none')
        report(parsed, at('vendor_remedy', 'vendor_text'), "vendor_remedy is the vendor's text: vendor_text must name its language (a remedy of ours goes in remedy)");

      // English and Chinese say the same: the same numbers in every bilingual field.
      const bilingual: [PathSegment[], { en: string; zh: string } | undefined][] = [
        [at('meaning'), entry.meaning],
        [at('remedy'), entry.remedy],
        [at('vendor_remedy'), entry.vendor_remedy],
        [at('end_user_message'), entry.end_user_message],
        [at('retryable_exception'), entry.retryable_exception],
        ...entry.notes.map((n, j): [PathSegment[], { en: string; zh: string }] => [at('notes', j), n]),
      ];
      for (const [path, value] of bilingual) {
        const why = value && numberMismatch(value.en, value.zh);
        if (why) report(parsed, [...path, 'zh'], why);
      }

      // retryable agrees with the category's guidance, or the entry says why it is the exception.
      const category = categoryById.get(entry.category);
      if (category) {
        const differs = entry.retryable !== category.retryable_default;
        if (differs && !entry.retryable_exception)
          report(parsed, at('retryable'), `retryable is ${entry.retryable} but category "${category.id}" says ${category.retryable_default}: give the reason in retryable_exception, or change one of them`);
        if (!differs && entry.retryable_exception)
          report(parsed, at('retryable_exception'), `retryable agrees with category "${category.id}" (${category.retryable_default}): this is not an exception; remove retryable_exception`, 'key');
      }

      // The example body can be built for this entry.
      const template = data.example_bodies?.[entry.kind];
      if (template) {
        const body = renderExampleBody(template, entry);
        if ('error' in body) report(parsed, at('code'), body.error);
      }
    });
    for (const kind of ['error', 'task-state', 'http-status'] as const) {
      const template = data.example_bodies?.[kind];
      for (const name of template ? unknownPlaceholders(template.body) : [])
        report(parsed, ['example_bodies', kind, 'body'], `unknown placeholder {{${name}}}; use {{code}}, {{code_number}}, {{message}} or {{http_status}}`);
    }
  }

  // How a vendor's responses are read: task-state rules need task states; a forwarded vendor must exist.
  for (const { parsed, data } of vendors) {
    const { envelope } = data;
    if (!data.entries.some((e) => e.kind === 'task-state')) {
      if (envelope.task_id_field !== undefined)
        report(parsed, ['envelope', 'task_id_field'], 'task_id_field is only for vendors with task-state entries', 'key');
      if (envelope.unlisted_task_states.length > 0)
        report(parsed, ['envelope', 'unlisted_task_states'], 'unlisted_task_states is only for vendors with task-state entries', 'key');
    }
    const upstream = envelope.forwards_from?.vendor;
    if (upstream === data.vendor.id) report(parsed, ['envelope', 'forwards_from', 'vendor'], 'a vendor cannot forward its own messages');
    else if (upstream !== undefined && !vendorById.has(upstream))
      report(parsed, ['envelope', 'forwards_from', 'vendor'], `no vendor "${upstream}" (forwards_from must name a vendor in data/vendors/)`);
  }

  // Equivalence groups: every member resolves, and an entry belongs to at most one group.
  const known = new Set<string>();
  for (const { data } of vendors) for (const e of data.entries) known.add(entryRef({ vendor: data.vendor.id, kind: e.kind, code: e.code }));
  let groups: EquivalenceGroup[] = [];
  if (groupsSource) {
    const result = parseWith(groupsSource, equivalenceGroupsFile);
    problems.push(...result.problems);
    if (result.data) {
      groups = result.data.groups;
      for (const p of checkGroups(groups, known, new Set(vendorById.keys()))) report(result.parsed, p.path, p.message);
    }
  }

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
