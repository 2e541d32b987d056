/**
 * An entry's example body: the vendor's documented envelope with this entry's code and message put
 * in. The template is data (vendor file, example_bodies), so no vendor is special-cased in code.
 */
import type { Entry, ExampleBodyTemplate } from './schema.ts';

export const PLACEHOLDERS = ['code', 'code_number', 'message', 'http_status'] as const;
const PLACEHOLDER_RE = /\{\{([a-z_]+)\}\}/g;

export interface ExampleBody {
  http_status: number | null;
  body: string;
}

/** Placeholder names the template uses that are not known (empty when all are). */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER_RE)].map((m) => m[1]!).filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
}

type EntryFields = Pick<Entry, 'code' | 'message' | 'http_status'>;

/** The body for one entry, or the reason it cannot be built (a non-numeric code where {{code_number}} is asked for). */
export function renderExampleBody(template: ExampleBodyTemplate, entry: EntryFields): ExampleBody | { error: string } {
  if (template.body.includes('{{code_number}}') && !/^-?\d+$/.test(entry.code))
    return { error: `the example body template writes the code as a JSON number ({{code_number}}), but "${entry.code}" is not a whole number` };
  const values: Record<string, string> = {
    code: JSON.stringify(entry.code),
    code_number: entry.code.replace(/^(-?)0+(?=\d)/, '$1'),
    message: JSON.stringify(entry.message),
    http_status: JSON.stringify(entry.http_status),
  };
  return {
    http_status: template.http_status === 'entry' ? entry.http_status : template.http_status,
    body: template.body.replace(PLACEHOLDER_RE, (whole, name: string) => values[name] ?? whole),
  };
}
