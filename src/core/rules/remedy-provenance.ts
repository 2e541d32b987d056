import type { Rule } from './types.ts';

export const remedyProvenance: Rule = {
  name: 'remedy-provenance',
  description: "remedy is ours (vendor_text: none); vendor_remedy is the vendor's own text and names its language.",
  scope: 'entry',
  check({ entry, at }, report) {
    if (entry.remedy.vendor_text !== 'none') report(at('remedy', 'vendor_text'), "remedy is ours (vendor_text: none); put the vendor's own remedy in vendor_remedy");
    if (entry.vendor_remedy?.vendor_text === 'none')
      report(at('vendor_remedy', 'vendor_text'), "vendor_remedy is the vendor's text: vendor_text must name its language (a remedy of ours goes in remedy)");
  },
};
