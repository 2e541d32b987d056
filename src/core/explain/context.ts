/**
 * What every step of explain() shares: the lookup, the answer under construction and the vendor
 * hint; finding a body's entry, and settling the outcome from a list of entries.
 */
import type { ArtifactEntry } from '../artifact-types.ts';
import type { Lookup } from '../lookup.ts';
import type { Answer } from './answer.ts';
import type { ExplainOutcome } from './types.ts';

export interface Explainer {
  readonly l: Lookup;
  readonly a: Answer;
  /** The vendor the caller named (resolved to its id). */
  hint?: string;
  /** Vendors the pasted text names (a host, an SDK, a name): hints.ts. */
  textHints?: readonly string[];
}

/**
 * The entry for a code found in a body: an error code, a code the vendor's SDK puts in the same
 * field (Baidu's SDK101), or a task state; never an HTTP status.
 */
export function bodyEntry(x: Explainer, vendor: string, code: string): ArtifactEntry | undefined {
  return x.l.lookup(vendor, code, 'error') ?? x.l.lookup(vendor, code, 'sdk-error') ?? x.l.lookup(vendor, code, 'task-state');
}

/** The entry's outcome as the artifact states it (its task outcome, else its category's); 'informational' says nothing either way. */
export function outcomeOf(e: ArtifactEntry, l: Lookup): ExplainOutcome {
  if (e.kind === 'task-state' && e.task_outcome) return e.task_outcome;
  const outcome = e.outcome ?? l.category(e.category)?.outcome;
  if (outcome === 'success' || outcome === 'pending' || outcome === 'failure') return outcome;
  return outcome === 'informational' ? 'unknown' : 'failure';
}

/** Decide the outcome from what is known: one entry, or candidates that agree. */
export function settle(x: Explainer, list: ArtifactEntry[], fallback: ExplainOutcome): void {
  const { a } = x;
  if (list.length === 1) {
    a.entry = list[0];
    a.vendor = list[0]!.vendor;
    a.outcome = outcomeOf(list[0]!, x.l);
    return;
  }
  a.addCandidates(list);
  if (list.length === 0) {
    a.outcome = fallback;
    return;
  }
  const outcomes = new Set(list.map((e) => outcomeOf(e, x.l)));
  a.outcome = outcomes.size === 1 ? [...outcomes][0]! : fallback;
  const vendors = new Set(list.map((e) => e.vendor));
  if (vendors.size === 1) a.vendor = list[0]!.vendor;
}
