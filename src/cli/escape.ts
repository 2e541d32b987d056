/**
 * Terminal output is untrusted: a pasted body, an index file or the data can hold ESC sequences that
 * retitle or clear the terminal or write the clipboard (OSC 52), C1 controls that some terminals
 * obey, and bidi overrides that make a line read differently from what it says. Everything the CLI
 * echoes goes through here before it is styled or printed.
 */

/** C0 (but tab and newline), DEL, C1, and the bidi and line controls of Unicode. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
const CONTROL_OR_NEWLINE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

function visible(c: string): string {
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

/** One line of text: every control character (newline included) shown as `\xNN` / `\uNNNN`. */
export function escapeLine(text: string): string {
  return text.replace(CONTROL_OR_NEWLINE, visible);
}

/** Several lines: newlines and tabs kept, every other control character shown as `\xNN` / `\uNNNN`. */
export function escapeText(text: string): string {
  return text.replace(CONTROL, visible);
}

/**
 * JSON for a terminal: JSON.stringify already escapes C0, but writes C1 and bidi controls raw; they
 * become `\uNNNN` escapes, so the JSON means the same and shows nothing it does not say.
 */
export function escapeJson(json: string): string {
  return json.replace(/[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
