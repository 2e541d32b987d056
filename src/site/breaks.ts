/**
 * Where a code may break across lines: after each "_", "." or "/" (ERROR_QUALITY_SCORE_NOT_MEET_
 * REQUIREMENTS, ModelArts.4204), so a long code in a title or a card breaks between its words on a
 * phone, never inside one. The parts are text; a component puts a <wbr> between them.
 */
export function breakableParts(text: string): string[] {
  return text.split(/(?<=[_./])/);
}
