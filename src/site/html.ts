/**
 * Starlight's <Card>, <LinkCard> and <Aside> write their `title`/`description` props with set:html.
 * Text from the data goes through this first, so a name like "<img onerror>" stays text.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
