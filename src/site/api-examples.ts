/**
 * The copy-paste examples of the JSON guide, built from real entries of the data (so every command
 * resolves) and the site's own URL. Plain strings: the guide renders them as text.
 */
import type { Lang } from '../core/schema.ts';
import { entryApiPath, entryPagePath, PLACEHOLDER, vendorLabel } from '../core/model.ts';
import { keyOf, type SiteEntry, type SiteKb } from './kb.ts';
import { translate } from '../core/i18n.ts';

/** The entry the examples use: the first vendor's documented error example, so it is a real case. */
export function exampleEntry(kb: SiteKb): SiteEntry {
  return documentedExample(kb)?.entry ?? kb.entries.find((e) => e.kind === 'error') ?? kb.entries[0]!;
}

/** A shell word in single quotes. */
const shq = (s: string) => "'" + s.replaceAll("'", "'\\''") + "'";

/** curl + jq commands, each after a comment line. `api` is the absolute URL of /api/v1/. */
export function curlExamples(kb: SiteKb, lang: Lang, api: string): string {
  const example = exampleEntry(kb);
  const file = entryApiPath(keyOf(example));
  const url = (path: string) => shq(api + path);
  const urlField = lang === 'zh' ? 'url_zh' : 'url';
  const template = kb.entries.find((e) => e.message_is_template && e.message);
  const lines: [string, string][] = [
    [translate(lang, 'json.curl.remedy'), `curl -s ${url(file)} | jq -r '.entry.remedy.${lang}'`],
    [translate(lang, 'json.curl.retry'), `curl -s ${url(file)} | jq '.entry | {action, retry, retryable}'`],
    [translate(lang, 'json.curl.retryable'), `curl -s ${url(example.vendor + '.json')} | jq -r '.entries[] | select(.retryable) | .id'`],
    [
      translate(lang, 'json.curl.category'),
      `curl -s ${url('index.json')} | jq -r --arg c ${shq(example.category)} '.entries[] | select(.category == $c) | "\\(.id)\\t\\(.${urlField})"'`,
    ],
  ];
  if (template) {
    const filled = template.message!.replace(new RegExp(PLACEHOLDER.source, 'g'), '3');
    lines.push([
      translate(lang, 'json.curl.template'),
      `curl -s ${url(template.vendor + '.json')} | jq -r --arg m ${shq(filled)} '.entries[] | select(.message_pattern as $p | $p != null and ($m | test($p))) | .id'`,
    ]);
  }
  lines.push([translate(lang, 'json.curl.version'), `curl -s ${url('categories.json')} | jq -r '.data_version'`]);
  return lines.map(([comment, command]) => `# ${comment}\n${command}`).join('\n\n');
}

function valueAt(body: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), body);
}

/**
 * The first vendor whose documented error example is JSON and names one of its entries: the body,
 * and that entry.
 */
function documentedExample(kb: SiteKb): { v: SiteKb['vendors'][number]; body: unknown; entry: SiteEntry } | undefined {
  for (const v of kb.vendors) {
    let body: unknown;
    try {
      body = JSON.parse(v.envelope.example_error.body);
    } catch {
      continue;
    }
    const code = valueAt(body, v.envelope.code_field);
    if (code === undefined || code === null) continue;
    const entry = kb.vendorEntries(v.vendor.id).find((e) => e.kind !== 'http-status' && e.code === String(code));
    if (entry) return { v, body, entry };
  }
  return undefined;
}

/** The JavaScript "more info" example; its demo call uses documentedExample(); `expected` is what it prints. */
export function jsExample(kb: SiteKb, lang: Lang, site: string, api: string): { code: string; expected: string | undefined } {
  const demo = documentedExample(kb);
  const fn = [
    `// ${translate(lang, 'json.js.comment')}`,
    `const API = '${api}';`,
    `const vendorFiles = new Map(); // ${translate(lang, 'json.js.cache')}`,
    '',
    "async function moreInfoUrl(vendorId, body, httpStatus, lang = 'en') {",
    '  if (!vendorFiles.has(vendorId)) {',
    '    const response = await fetch(API + encodeURIComponent(vendorId) + \'.json\');',
    '    if (!response.ok) return null;',
    '    vendorFiles.set(vendorId, await response.json());',
    '  }',
    '  const { vendor, entries } = vendorFiles.get(vendorId);',
    `  // ${translate(lang, 'json.js.field')}`,
    "  const code = vendor.envelope.code_field.split('.').reduce((value, key) => value?.[key], body);",
    '  const entry =',
    "    (code != null && entries.find((e) => e.kind !== 'http-status' && e.code === String(code))) ||",
    `    // ${translate(lang, 'json.js.fallback')}`,
    "    (httpStatus != null && entries.find((e) => e.kind === 'http-status' && e.code === String(httpStatus)));",
    '  if (!entry) return null;',
    "  return lang === 'zh' ? entry.url_zh : entry.url;",
    '}',
  ];
  if (!demo) return { code: fn.join('\n'), expected: undefined };
  const expected = site + entryPagePath(keyOf(demo.entry), lang);
  const status = demo.v.envelope.example_error.http_status;
  fn.push(
    '',
    `// ${translate(lang, 'json.js.usage')} ${vendorLabel(demo.v.vendor, lang)}:`,
    `const body = ${JSON.stringify(demo.body)};`,
    `console.log(await moreInfoUrl(${JSON.stringify(demo.v.vendor.id)}, body, ${status ?? 'undefined'}, '${lang}'));`,
    `// → ${expected}`,
  );
  return { code: fn.join('\n'), expected };
}
