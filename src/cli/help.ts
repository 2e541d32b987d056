/**
 * The --help text. The vendors and the examples come from the data, so a new vendor shows up here
 * without a code change; without data the examples are generic.
 */
import type { KbIndex } from '../core/lookup.ts';
import { vendorLabel } from '../core/model.ts';

interface Examples {
  vendors: string;
  code: string;
  lookup: string;
  status?: string;
  state?: string;
  body?: string;
  message?: string;
}

function examplesFrom(index: KbIndex | undefined): Examples | undefined {
  const vendors = index?.vendors ?? [];
  const entries = index?.entries ?? [];
  const error = entries.find((e) => e.kind === 'error');
  if (vendors.length === 0 || !error) return undefined;
  const status = entries.find((e) => e.kind === 'http-status' && e.http_status !== null && e.http_status >= 400);
  const state = entries.find((e) => e.kind === 'task-state' && e.code.startsWith('-'));
  // The shortest documented error example that is plain JSON: what a user would paste.
  const bodies = vendors.flatMap((v) => {
    try {
      return [JSON.stringify(JSON.parse(v.envelope.example_error.body))];
    } catch {
      return []; // an example with comments or elisions is not a good example here
    }
  });
  const body = bodies.filter((b) => b.length <= 160 && !b.includes("'")).sort((a, b) => a.length - b.length)[0];
  // A literal message a user might paste: the shortest plain one.
  const count = new Map<string, number>();
  for (const e of entries) if (e.message) count.set(e.message, (count.get(e.message) ?? 0) + 1);
  const message = entries
    .filter((e) => e.kind === 'error' && e.message && count.get(e.message) === 1 && !e.message_is_template && /^[\w ,.]{8,40}$/.test(e.message))
    .map((e) => e.message!)
    .sort((a, b) => a.length - b.length)[0];
  return {
    message,
    vendors: vendors.map((v) => vendorLabel(v, 'en')).join(', '),
    code: error.code,
    lookup: `${error.vendor} ${error.code}`,
    status: status && `${status.vendor} ${status.code} --kind http-status`,
    state: state && `${state.vendor} ${state.code}`,
    body,
  };
}

export function helpText(index?: KbIndex): string {
  const x = examplesFrom(index);
  const examples = x
    ? [
        `vision-errors ${x.code}`,
        x.message && `vision-errors "${x.message}"`,
        x.body && `vision-errors '${x.body}'`,
        `vision-errors lookup ${x.lookup}`,
        x.status && `vision-errors lookup ${x.status}`,
        x.state && `vision-errors lookup ${x.state}`,
        x.body && `echo '${x.body}' | vision-errors`,
        'vision-errors explain --status 422 < body.json',
        'vision-errors search "blurry face" --lang zh',
        'vision-errors triage app.log --json',
      ]
    : ['vision-errors <code>', 'vision-errors "<message>"', 'vision-errors lookup <vendor> <code>', 'vision-errors < body.json', 'vision-errors search "blurry face" --lang zh'];
  return `vision-errors: error codes, HTTP statuses and task states of AI vision APIs
${x ? `(${x.vendors})\n` : ''}
Usage:
  vision-errors <code|message|body>     what you pasted (or piped in): a code at every vendor, a
                                        message or a response body explained with its next step
                                        and request id, or words searched
                                        [--status <http-status>] [--vendor <vendor>]
  vision-errors find <code>             the code at every vendor
  vision-errors lookup <vendor> <code>  one vendor's entry  [--kind error|http-status|task-state|sdk-error]
  vision-errors explain [file]          explain a response body read from the file or stdin
                                        [--status <http-status>] [--vendor <vendor>]
  vision-errors search <words…>         words in codes, messages, meanings, remedies, categories
  vision-errors triage [file]           every vendor response in a log (file or stdin), counted by entry
                                        [--vendor <vendor>]
  vision-errors vendors                 the vendor ids

Options:
  --json           JSON on stdout instead of text
  --lang en|zh     language of meanings, remedies and labels (default: zh when LC_ALL,
                   LC_MESSAGES or LANG is a Chinese locale, else en)
  --no-color       no colours (none either when NO_COLOR is set or stdout is not a terminal)
  --limit <n>      at most n search results (default 20)
  --index <file>   read this index.json (also: $VISION_ERRORS_INDEX)
  -h, --help       this help
  -v, --version    version of the tool and of the data

Examples:
${examples.filter(Boolean).map((e) => `  ${e}`).join('\n')}

Exit status: 0 found or explained, 1 nothing found or not explained, 2 usage error or no data.
A closed pipe (… | head) ends it quietly.
`;
}
