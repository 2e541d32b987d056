import { reservedVendorId as usedBy } from '../model.ts';
import type { Rule } from './types.ts';

export const reservedVendorId: Rule = {
  name: 'reserved-vendor-id',
  description: 'A vendor id is not a top-level name the site or the JSON artifact itself uses (the id becomes the first URL segment and names <id>.json).',
  scope: 'vendor',
  check({ vendor: { data } }, report) {
    const id = data.vendor.id;
    const what = usedBy(id);
    if (what) report(['vendor', 'id'], `"${id}" is a top-level name the site or the artifact itself uses (${what}) and cannot be a vendor id`);
  },
};
