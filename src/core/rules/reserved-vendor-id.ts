import { RESERVED_VENDOR_IDS } from '../model.ts';
import type { Rule } from './types.ts';

export const reservedVendorId: Rule = {
  name: 'reserved-vendor-id',
  description: 'A vendor id is not a path the site itself uses (it becomes the first URL segment).',
  scope: 'vendor',
  check({ vendor: { data } }, report) {
    const id = data.vendor.id;
    if (RESERVED_VENDOR_IDS.has(id)) report(['vendor', 'id'], `"${id}" is a path the site itself uses and cannot be a vendor id`);
  },
};
