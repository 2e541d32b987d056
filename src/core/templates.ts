/**
 * Message templates: vendors fill `%s` / `%d` placeholders at run time, so a concrete message such as
 * "Failed to log in 5 consecutive times, please try again after 10 minutes" must match the template
 * "Failed to log in %s consecutive times, please try again after %s".
 *
 * Matching never uses a backtracking regular expression: each `%s` as `(.+?)` costs O(n^k) for k
 * placeholders (12 of them never returned). matchesTemplate() runs the template as a small automaton
 * over the message instead, one pass, O(message length × template length).
 */
const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/** More placeholders than this in one message are refused by the validator (real data has two). */
export const MAX_TEMPLATE_PLACEHOLDERS = 3;
/** A pasted message longer than this is not compared with any template. */
export const MAX_TEMPLATE_MESSAGE_LENGTH = 2000;

/**
 * Regular-expression source (anchored) that matches any filled-in version of a template, for the
 * artifact's `message_pattern`. Not used for matching here (see above).
 */
export function templatePattern(template: string): string {
  const parts = template.split(/(%[sd])/);
  const body = parts
    .map((part) => (part === '%s' ? '(.+?)' : part === '%d' ? '(-?\\d+)' : part.replace(REGEX_SPECIAL, '\\$&')))
    .join('');
  return `^${body}$`;
}

/** One step of the automaton: a literal character, any character, a digit, or a loop/option of one. */
type Op =
  | { kind: 'char'; c: string }
  | { kind: 'any' }
  | { kind: 'digit' }
  | { kind: 'any*' }
  | { kind: 'digit*' }
  | { kind: 'minus?' };

/** Case folding per UTF-16 unit, like a regular expression's `i` flag without `u`. */
function fold(c: string): string {
  const lower = c.toLowerCase();
  return lower.length === 1 ? lower : c;
}

/** `%s` → any character, then any number more; `%d` → an optional '-', a digit, then any number more. */
function compile(template: string): Op[] {
  const ops: Op[] = [];
  for (const part of template.split(/(%[sd])/)) {
    if (part === '%s') ops.push({ kind: 'any' }, { kind: 'any*' });
    else if (part === '%d') ops.push({ kind: 'minus?' }, { kind: 'digit' }, { kind: 'digit*' });
    else for (let i = 0; i < part.length; i++) ops.push({ kind: 'char', c: fold(part[i]!) });
  }
  return ops;
}

const isDigit = (c: string) => c >= '0' && c <= '9';

/** Every state reachable from `pc` without reading a character (loops and options may be skipped). */
function addState(ops: readonly Op[], states: Uint8Array, list: number[], pc: number): void {
  while (pc <= ops.length && !states[pc]) {
    states[pc] = 1;
    list.push(pc);
    const op = ops[pc];
    if (!op || (op.kind !== 'any*' && op.kind !== 'digit*' && op.kind !== 'minus?')) return;
    pc++;
  }
}

/** Does the automaton accept `text` in full? Thompson's simulation: each state visited once per character. */
function accepts(ops: readonly Op[], text: string): boolean {
  let current: number[] = [];
  let marks = new Uint8Array(ops.length + 1);
  addState(ops, marks, current, 0);
  for (let i = 0; i < text.length && current.length > 0; i++) {
    const c = fold(text[i]!);
    const next: number[] = [];
    const nextMarks = new Uint8Array(ops.length + 1);
    for (const pc of current) {
      const op = ops[pc];
      if (!op) continue;
      switch (op.kind) {
        case 'char':
          if (op.c === c) addState(ops, nextMarks, next, pc + 1);
          break;
        case 'any':
          addState(ops, nextMarks, next, pc + 1);
          break;
        case 'digit':
          if (isDigit(c)) addState(ops, nextMarks, next, pc + 1);
          break;
        case 'any*':
          addState(ops, nextMarks, next, pc);
          break;
        case 'digit*':
          if (isDigit(c)) addState(ops, nextMarks, next, pc);
          break;
        case 'minus?':
          if (c === '-') addState(ops, nextMarks, next, pc + 1);
          break;
      }
    }
    current = next;
    marks = nextMarks;
  }
  return marks[ops.length] === 1;
}

const compiled = new Map<string, Op[]>();

/**
 * Does `message` match `template` (placeholders filled in any way)? Case and outer spaces are
 * ignored. Linear in the message, whatever the template; messages over 2000 characters never match.
 */
export function matchesTemplate(template: string, message: string): boolean {
  if (typeof template !== 'string' || typeof message !== 'string' || message.length > MAX_TEMPLATE_MESSAGE_LENGTH) return false;
  let ops = compiled.get(template);
  if (!ops) {
    ops = compile(template.trim());
    if (compiled.size > 10_000) compiled.clear();
    compiled.set(template, ops);
  }
  const text = message.trim();
  // Most texts differ at the first character already: no automaton to run (triage reads every line).
  const first = ops[0];
  if (first?.kind === 'char' && (text.length === 0 || fold(text[0]!) !== first.c)) return false;
  return accepts(ops, text);
}
