/**
 * YAML parsing that keeps positions, so every problem can name `file:line:column`.
 */
import { rawNestingExceeds } from './yaml-depth.ts';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Field path such as `entries[3].meaning.zh`; empty for the whole file. */
  path: string;
  message: string;
  /** The validation rule that found it (src/core/rules/); absent for YAML and schema problems. */
  rule?: string;
}

export type PathSegment = string | number;

/** Limits that keep a hostile file from hanging or exhausting the build. */
export const YAML_LIMITS = {
  /** Larger than any real vendor file by two orders of magnitude. */
  maxBytes: 8 * 1024 * 1024,
  /** Aliases expand; a few hundred is plenty for hand-written data and stops "billion laughs". */
  maxAliasCount: 200,
  /** Our schema nests about six levels deep. */
  maxDepth: 64,
} as const;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

/** Problems are printed to terminals and quote the data: control characters are shown, never sent. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

export function formatProblem(problem: Problem): string {
  // A problem with a file or folder as a whole (missing, unreadable) has no line: line 0.
  const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : `${problem.file}:`;
  const said = problem.rule ? `${problem.message} [${problem.rule}]` : problem.message;
  const line = problem.path ? `${where} ${problem.path}: ${said}` : `${where} ${said}`;
  return line.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface ParsedYaml {
  file: string;
  /** The plain data, or undefined when the text could not be parsed. */
  value: unknown;
  problems: Problem[];
  /** Position of the node at `path` (or of its deepest existing ancestor). */
  locate(path: readonly PathSegment[], target?: 'key' | 'value'): { line: number; column: number };
}

function depthOf(node: unknown, depth = 0): number {
  if (depth > YAML_LIMITS.maxDepth) return depth;
  if (isMap(node) || isSeq(node)) {
    let max = depth;
    for (const item of node.items) {
      const child = isPair(item) ? item.value : item;
      max = Math.max(max, depthOf(child, depth + 1));
      if (max > YAML_LIMITS.maxDepth) break;
    }
    return max;
  }
  return depth;
}

/** The key written at `offset` (up to its colon), for messages. */
function keyTextAt(text: string, offset: number): string {
  const line = text.slice(offset, text.indexOf('\n', offset) === -1 ? undefined : text.indexOf('\n', offset));
  return line.split(':')[0]!.trim().replace(/^["']|["']$/g, '').slice(0, 80);
}

export function parseYaml(file: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems: Problem[] = [];
  const bytes = new TextEncoder().encode(text).byteLength;
  if (bytes > YAML_LIMITS.maxBytes) {
    return {
      file,
      value: undefined,
      problems: [
        {
          file,
          line: 1,
          column: 1,
          path: '',
          message: `file is ${bytes} bytes; the limit is ${YAML_LIMITS.maxBytes} bytes (split the vendor's entries or check the file is not corrupt)`,
        },
      ],
      locate: () => ({ line: 1, column: 1 }),
    };
  }

  // Before parsing: the parser pays for every level of nesting before the tree could be checked.
  const deep = rawNestingExceeds(text, YAML_LIMITS.maxDepth);
  if (deep) {
    const before = text.slice(0, deep.offset);
    const line = before.split('\n').length;
    const column = deep.offset - before.lastIndexOf('\n');
    return {
      file,
      value: undefined,
      problems: [{ file, line, column, path: '', message: `nesting deeper than ${YAML_LIMITS.maxDepth} levels` }],
      locate: () => ({ line, column }),
    };
  }

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (error) {
    return {
      file,
      value: undefined,
      problems: [{ file, line: 1, column: 1, path: '', message: `YAML could not be parsed: ${String(error)}` }],
      locate: () => ({ line: 1, column: 1 }),
    };
  }

  for (const error of [...doc.errors, ...doc.warnings]) {
    const { line, column } = at(error.pos[0]);
    const firstLine = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const message =
      error.code === 'DUPLICATE_KEY'
        ? `duplicate key "${keyTextAt(text, error.pos[0])}": a key may appear only once in a mapping (nothing is merged)`
        : `YAML syntax error: ${firstLine}`;
    problems.push({ file, line, column, path: '', message });
  }

  const locate: ParsedYaml['locate'] = (path, target = 'value') => {
    let node: unknown = doc.contents;
    let best: { line: number; column: number } = node && (node as Node).range ? at((node as Node).range![0]) : { line: 1, column: 1 };
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return best;
        const keyNode = pair.key as Node;
        if (last && target === 'key' && keyNode.range) return at(keyNode.range[0]);
        node = pair.value;
        const range = (node as Node | null)?.range ?? keyNode.range;
        if (range) best = at(range[0]);
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) return best;
        node = item;
        if (item.range) best = at(item.range[0]);
      } else {
        return best;
      }
    }
    return best;
  };

  if (doc.errors.length > 0) return { file, value: undefined, problems, locate };

  if (depthOf(doc.contents) > YAML_LIMITS.maxDepth) {
    problems.push({ file, line: 1, column: 1, path: '', message: `nesting deeper than ${YAML_LIMITS.maxDepth} levels` });
    return { file, value: undefined, problems, locate };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push({
      file,
      line: 1,
      column: 1,
      path: '',
      message: /alias/i.test(message)
        ? `too many alias expansions (limit ${YAML_LIMITS.maxAliasCount}): ${message}`
        : `YAML could not be converted: ${message}`,
    });
    return { file, value: undefined, problems, locate };
  }
  // Aliases are cheap in the file and copied in every output: 199 aliases of a 7.9 MB string made
  // the artifact longer than a JavaScript string can be.
  if (expandedSize(value, YAML_LIMITS.maxBytes) > YAML_LIMITS.maxBytes) {
    problems.push({
      file,
      line: 1,
      column: 1,
      path: '',
      message: `with its aliases expanded the file holds more than ${YAML_LIMITS.maxBytes} characters of data, the same limit as for its size (use fewer aliases or shorter texts)`,
    });
    return { file, value: undefined, problems, locate };
  }
  return { file, value, problems, locate };
}

/**
 * Characters (and nodes) of a value as it will be written out, aliases expanded: counted without
 * building any string, and only up to `limit` (then `limit + 1` is returned).
 */
export function expandedSize(value: unknown, limit: number): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && size <= limit) {
    const v = stack.pop();
    size += 1;
    if (typeof v === 'string') size += v.length;
    else if (Array.isArray(v)) for (const item of v) stack.push(item);
    else if (v !== null && typeof v === 'object')
      for (const [key, child] of Object.entries(v)) {
        size += key.length;
        stack.push(child);
      }
  }
  return Math.min(size, limit + 1);
}
