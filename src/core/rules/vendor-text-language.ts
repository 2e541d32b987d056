import type { Rule } from './types.ts';

export const vendorTextLanguage: Rule = {
  name: 'vendor-text-language',
  description: "A vendor_text language is one of the vendor's source languages (vendor.source.languages).",
  scope: 'entry',
  check({ entry, at, vendor }, report) {
    const languages = new Set<string>(vendor.data.vendor.source.languages);
    for (const field of ['meaning', 'vendor_remedy'] as const) {
      const vt = entry[field]?.vendor_text;
      if (vt !== undefined && vt !== 'none' && !languages.has(vt))
        report(at(field, 'vendor_text'), `vendor_text is "${vt}" but vendor.source.languages does not include "${vt}"`);
    }
  },
};
