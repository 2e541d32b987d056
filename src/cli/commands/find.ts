/** `vision-errors <code>` / `find <code>`: the code at every vendor that has it. */
import { printJson, printNotFound, type CommandContext } from './context.ts';

export function find(c: CommandContext): number {
  const { l, p } = c;
  const code = c.operands[0]!;
  const entries = l.find(code);
  if (c.json) printJson({ query: code, entries });
  else if (entries.length === 0) printNotFound(c, JSON.stringify(code));
  else {
    entries.forEach((e, i) => {
      if (i > 0) p.line();
      p.entry(e);
    });
    process.stdout.write(p.toString());
  }
  return entries.length > 0 ? 0 : 1;
}
