/**
 * npm run refresh-source -- <vendor> <document> [--format F] [--kind K] [--json] [--check]
 *
 * Compares a new copy of a vendor's source document with the vendor's entries and prints what
 * changed (codes added and removed, HTTP statuses and literal messages changed) as a list to review.
 * It never edits the data: a person decides what each change means and records it (docs/refreshing-sources.md).
 */
import { runRefresh } from './lib/refresh-source.ts';

process.exit(runRefresh(process.argv.slice(2)));
