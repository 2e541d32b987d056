import type { Rule } from './types.ts';

export const forwardsFromVendor: Rule = {
  name: 'forwards-from-vendor',
  description: 'envelope.forwards_from names another vendor in data/vendors/.',
  scope: 'vendor',
  check({ vendor: { data }, vendorById, unreadVendors }, report) {
    const upstream = data.envelope.forwards_from?.vendor;
    const path = ['envelope', 'forwards_from', 'vendor'];
    if (upstream === data.vendor.id) report(path, 'a vendor cannot forward its own messages');
    // A vendor whose file has problems exists; its file's problems are reported, not this reference.
    else if (upstream !== undefined && !vendorById.has(upstream) && !unreadVendors.has(upstream)) report(path, `no vendor "${upstream}" (forwards_from must name a vendor in data/vendors/)`);
  },
};
