/**
 * Whose words a text is: the key of its label in src/content/i18n/ (the vendor's own text, our
 * translation of it, or written by us in both languages).
 */
import type { Lang, VendorText } from './artifact-types.ts';

export function provenanceKey(vendorText: VendorText, textLang: Lang): 'vendorText.oursBoth' | 'vendorText.vendor' | 'vendorText.ours' {
  if (vendorText === 'none') return 'vendorText.oursBoth';
  return vendorText === textLang ? 'vendorText.vendor' : 'vendorText.ours';
}
