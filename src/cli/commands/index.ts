/**
 * Every command's module, by name (args.ts COMMANDS names them; `pasted` is what runs when none is
 * named). A new command is one import and one line here.
 */
import type { Command } from '../args.ts';
import type { CommandContext } from './context.ts';
import { explain } from './explain.ts';
import { find } from './find.ts';
import { lookup } from './lookup.ts';
import { pasted } from './pasted.ts';
import { search } from './search.ts';
import { triage } from './triage.ts';
import { vendors } from './vendors.ts';

export const RUN: Record<Exclude<Command, 'help'>, (c: CommandContext) => number | Promise<number>> = {
  pasted,
  find,
  lookup,
  explain,
  search,
  vendors,
  triage,
};
