/** `vendors`: every vendor with its number of entries. */
import { escapeLine } from '../escape.ts';
import { printJson, type CommandContext } from './context.ts';

export function vendors(c: CommandContext): number {
  const { l, p } = c;
  const list = l.vendorIds().map((id) => ({ id, name: p.vendorName(id), entries: l.entriesOf(id).length }));
  if (c.json) printJson(list);
  else {
    for (const v of list) p.line(`${p.s.bold(escapeLine(v.id).padEnd(12))} ${v.name} (${v.entries})`);
    process.stdout.write(p.toString());
  }
  return 0;
}
