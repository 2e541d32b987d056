/**
 * Where the Explain page keeps what was pasted, so Back (and a reload) bring it back and a short text
 * can be shared as a link:
 *
 * - always in the history entry's state (history.replaceState), which holds a whole log;
 * - in the URL's fragment (`#text=…&status=…&vendor=…`) when it encodes to at most MAX_FRAGMENT_CHARS,
 *   so a link restores it too. A fragment is never sent to a server (nor in a Referer), so the page's
 *   promise that nothing pasted leaves the browser holds; a longer text (a log) leaves the fragment
 *   empty rather than stale.
 */

export interface ExplainState {
  text: string;
  /** The HTTP status field as typed ('' when empty). */
  status: string;
  /** The vendor chosen ('' for "recognise"). */
  vendor: string;
}

/** Longer fragments make unwieldy links, and some servers and chat apps cut URLs near 2 000 characters. */
export const MAX_FRAGMENT_CHARS = 1800;
/** The key of our state in history.state (other scripts may keep theirs beside it). */
export const STATE_KEY = 'kbExplain';

/** The fragment for a state (without '#'), or '' when it is empty or too long for a link. */
export function fragmentOf(state: ExplainState): string {
  if (state.text.trim() === '') return '';
  const params = new URLSearchParams({ text: state.text });
  if (state.status) params.set('status', state.status);
  if (state.vendor) params.set('vendor', state.vendor);
  const fragment = params.toString();
  return fragment.length <= MAX_FRAGMENT_CHARS ? fragment : '';
}

/** The state a fragment holds (with or without '#'), or undefined when it holds none. */
export function stateFromFragment(hash: string): ExplainState | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const text = params.get('text');
  if (text === null || text.trim() === '') return undefined;
  return { text, status: params.get('status') ?? '', vendor: params.get('vendor') ?? '' };
}

/** Our state in a history entry's state, if it holds a well-formed one. */
export function stateFromHistory(state: unknown): ExplainState | undefined {
  const s = typeof state === 'object' && state !== null ? (state as Record<string, unknown>)[STATE_KEY] : undefined;
  if (typeof s !== 'object' || s === null) return undefined;
  const { text, status, vendor } = s as Record<string, unknown>;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  return { text, status: typeof status === 'string' ? status : '', vendor: typeof vendor === 'string' ? vendor : '' };
}
