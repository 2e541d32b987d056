import type { Rule } from './types.ts';

export const uniqueVendorId: Rule = {
  name: 'unique-vendor-id',
  description: 'No two vendor files share a vendor id; the first file keeps it.',
  scope: 'vendor',
  check({ vendor, vendorById }, report) {
    const id = vendor.data.vendor.id;
    const first = vendorById.get(id);
    if (first && first !== vendor) report(['vendor', 'id'], `duplicate vendor id "${id}": also used by ${first.parsed.file}`);
  },
};
