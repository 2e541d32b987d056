import { checkGroups } from '../equivalence.ts';
import { entryRef } from '../model.ts';
import type { Rule } from './types.ts';

export const equivalenceGroups: Rule = {
  name: 'equivalence-groups',
  description:
    'Each equivalence group has a unique id and members of more than one vendor; every member is a valid reference to an existing entry, listed once, in at most one group.',
  scope: 'groups',
  check({ groups, vendors, vendorById, unreadVendors }, report) {
    const known = new Set<string>();
    for (const { data } of vendors) for (const e of data.entries) known.add(entryRef({ vendor: data.vendor.id, kind: e.kind, code: e.code }));
    for (const p of checkGroups(groups.data.groups, known, new Set(vendorById.keys()), unreadVendors)) report(p.path, p.message);
  },
};
