/** `lookup <vendor> <code> [--kind …]`: one vendor's entry for a code. */
import { printJson, printNotFound, vendorArg, type CommandContext } from './context.ts';

export function lookup(c: CommandContext): number {
  const { l, p } = c;
  const vendor = vendorArg(c, c.operands[0])!;
  const code = c.operands[1]!;
  const kind = c.checked.kind;
  const entry = l.lookup(vendor, code, kind);
  if (c.json) printJson({ vendor, code, kind: kind ?? null, entry: entry ?? null });
  else if (!entry) printNotFound(c, `${vendor} ${JSON.stringify(code)}`);
  else {
    p.entry(entry);
    process.stdout.write(p.toString());
  }
  return entry ? 0 : 1;
}
