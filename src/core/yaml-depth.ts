/**
 * How deep a YAML text nests, read from the raw text before any parsing: the parser spends time and
 * memory on every level before a check of the parsed tree could refuse it (6 MB of `[` took 48 s and
 * 3.4 GB, then overflowed the stack). One pass, no recursion.
 *
 * The estimate counts flow brackets (`[`, `{`) outside quoted scalars and comments, block levels by
 * indentation, and `- ` indicators that open sequences on one line. Block scalars (`|`, `>`) are
 * skipped. It can only overcount in pathological text (64 unclosed brackets in a plain scalar), and
 * the check of the parsed tree still runs after it.
 */

export interface DepthExceeded {
  /** 0-based offset of the character that went past the limit. */
  offset: number;
}

/** Where the text first nests deeper than `limit`, or undefined when it never does. */
export function rawNestingExceeds(text: string, limit: number): DepthExceeded | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let blockScalarIndent = -1; // lines indented more than this belong to a block scalar
  let i = 0;
  while (i < text.length) {
    const lineEnd = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    let j = i;
    while (j < lineEnd && text[j] === ' ') j++;
    const indent = j - i;
    const blank = j >= lineEnd || text[j] === '#' || text[j] === '\r';
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) {
      i = lineEnd + 1;
      continue;
    }
    blockScalarIndent = -1;
    if (!quote && flow === 0 && !blank) {
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      if (indents.length > limit) return { offset: j };
    }
    let dashes = 0;
    // At the start of a block line, `- - - x` opens one sequence per dash.
    if (!quote && flow === 0) {
      while (j < lineEnd && (text[j] === '-' || text[j] === '?') && (j + 1 === lineEnd || text[j + 1] === ' ' || text[j + 1] === '\t')) {
        dashes++;
        if (indents.length + dashes > limit) return { offset: j };
        j += 2;
        while (j < lineEnd && text[j] === ' ') j++;
      }
    }
    const keyColumn = j - i;
    let previous = ' ';
    let nodeStart = true; // a quote opens a quoted scalar only where a node starts
    let sawKey = false;
    for (; j < lineEnd; j++) {
      const c = text[j]!;
      if (quote) {
        if (quote === '"' && c === '\\') j++;
        else if (c === quote) {
          if (quote === "'" && text[j + 1] === "'") j++;
          else quote = undefined;
        }
        previous = c;
        continue;
      }
      const space = c === ' ' || c === '\t' || c === '\r';
      if (c === '#' && previous === ' ') break;
      if ((c === '"' || c === "'") && nodeStart) quote = c;
      // In block context a bracket opens a flow collection only where a node starts (`a: x [` is text).
      else if ((c === '[' || c === '{') && (flow > 0 || nodeStart)) {
        flow++;
        if (indents.length + dashes + flow > limit) return { offset: j };
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
      else if ((c === '|' || c === '>') && flow === 0 && nodeStart && /^[|>][+-]?\d?[+-]?\s*(?:#.*)?\r?$/.test(text.slice(j, lineEnd))) {
        // Content lines are those indented more than the node that holds the scalar.
        blockScalarIndent = sawKey ? keyColumn : dashes > 0 ? keyColumn - 2 : indent;
        break;
      }
      if (c === ':' && (j + 1 === lineEnd || /[\s,\]}]/.test(text[j + 1]!))) {
        if (flow === 0) sawKey = true;
        nodeStart = true;
      } else if (flow > 0 && (c === '[' || c === '{' || c === ',')) nodeStart = true;
      else if (!space) nodeStart = false;
      previous = space ? ' ' : c;
    }
    i = lineEnd + 1;
  }
  return undefined;
}
