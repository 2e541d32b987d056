/**
 * Rules about what the texts say, beyond their shape: English and Chinese carry the same numbers.
 */

/** The numbers a text mentions, as a sorted set of digit strings ("1,000" and "1000" are the same number). */
export function numbersIn(text: string): string[] {
  const found = text.match(/\d+(?:,\d{3})*(?:\.\d+)?/g) ?? [];
  return [...new Set(found.map((n) => n.replace(/,/g, '')))].sort();
}

/** Why the English and Chinese of one field disagree on numbers, or undefined when they agree. */
export function numberMismatch(en: string, zh: string): string | undefined {
  const a = numbersIn(en);
  const b = numbersIn(zh);
  if (a.join(' ') === b.join(' ')) return undefined;
  const onlyEn = a.filter((n) => !b.includes(n));
  const onlyZh = b.filter((n) => !a.includes(n));
  const parts = [onlyEn.length ? `only en has ${onlyEn.join(', ')}` : '', onlyZh.length ? `only zh has ${onlyZh.join(', ')}` : ''].filter(Boolean);
  return `en and zh give different numbers (${parts.join('; ')}); both languages must say the same`;
}
