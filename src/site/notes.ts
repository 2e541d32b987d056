import type { Note } from '../core/schema.ts';

/**
 * The notes a reader sees. `extraction-repair` notes record how we repaired the source's text
 * (a PDF split "ModelArts.4204" into "ModelArt s.4204"): bookkeeping for editors, kept in the data
 * and the JSON artifact, not shown on pages.
 */
export function readerNotes(notes: readonly Note[]): Note[] {
  return notes.filter((n) => n.kind !== 'extraction-repair');
}
