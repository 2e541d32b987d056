/** BENCHMARKS.md is written by several benchmark scripts; each owns one `## <name>` section. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/node/data-files.ts';

const HEADER = '# Benchmarks\n\nFigures printed by the benchmark scripts (`npm run bench:*`); each script rewrites its own section.\n';

export function replaceSection(markdown: string, name: string, body: string): string {
  const text = markdown.trim() ? markdown : HEADER;
  const heading = `## ${name}`;
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = text.indexOf(`\n${heading}\n`);
  if (start === -1) return `${text.trimEnd()}\n\n${section}`;
  const next = text.indexOf('\n## ', start + heading.length + 1);
  return `${text.slice(0, start + 1)}${section}${next === -1 ? '' : text.slice(next)}`;
}

/**
 * Rewrites one section of the report: BENCHMARKS.md, or the file `--report` names (the suite's smoke
 * runs write a scratch copy, so a test never rewrites the project's figures).
 */
export function writeSection(report: string | undefined, name: string, body: string): string {
  const file = report ? resolve(report) : join(PROJECT_ROOT, 'BENCHMARKS.md');
  writeFileSync(file, replaceSection(existsSync(file) ? readFileSync(file, 'utf8') : '', name, body));
  return file;
}
