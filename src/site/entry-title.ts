/**
 * Short forms of an entry's meaning, for its page title ("222202 · 图片中没有人脸") and the
 * previous/next cards. A meaning can run to 250 characters; a title cannot.
 */
import type { Lang } from '../core/schema.ts';

/** The longest meaning a title holds whole, per language (a Chinese character is about two Latin letters wide). */
const TITLE_MAX: Record<Lang, number> = { en: 64, zh: 30 };

const FINAL = /[\s,.;:，。；：、]+$/;

/**
 * `text` cut to at most `max` characters, with an ellipsis: after a clause (a comma, semicolon or
 * colon) in its second half, else at a word, else anywhere (where words are not spaced).
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const clause = Math.max(...[...cut.matchAll(/[,;:](?=\s)|[，；：]/g)].map((m) => m.index));
  const space = cut.lastIndexOf(' ');
  const end = clause > max / 2 ? clause : space > max / 2 ? space : max;
  return `${cut.slice(0, end).replace(FINAL, '')}…`;
}

/**
 * The meaning as a title: whole when it is short, else its first sentence when that is, else cut
 * with an ellipsis. `cut` says whether the title leaves something out (the page then shows the
 * whole meaning too). A final full stop is dropped: a title is not a sentence.
 */
export function titleMeaning(meaning: string, lang: Lang): { text: string; cut: boolean } {
  const max = TITLE_MAX[lang];
  const whole = meaning.trim().replace(/[.。]$/, '');
  if (whole.length <= max) return { text: whole, cut: false };
  // The first sentence: up to a full stop followed by a space (English) or a Chinese full stop or semicolon.
  const end = whole.search(/[.!?](?=\s)|[。！？；]/);
  if (end >= 12 && end <= max) return { text: whole.slice(0, end), cut: true };
  return { text: clip(whole, max), cut: true };
}
