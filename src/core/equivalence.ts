/**
 * Equivalence groups (data/equivalence-groups.yaml): the same failure at several vendors, kept in one
 * place. Each entry's `equivalents` is derived from its group (every other member), so the links are
 * symmetric and transitive by construction.
 */
import type { EquivalenceGroup } from './schema.ts';
import { parseEntryRef } from './model.ts';
import type { PathSegment } from './yaml-source.ts';

export interface GroupProblem {
  path: PathSegment[];
  message: string;
}

/**
 * Every problem of the groups file given the set of known entry ids (`vendor/code`, `vendor/http/400`, …).
 * Members of `unread` vendors (whose files have problems of their own) are not checked against `known`.
 */
export function checkGroups(groups: readonly EquivalenceGroup[], known: ReadonlySet<string>, vendors: ReadonlySet<string>, unread: ReadonlySet<string> = new Set()): GroupProblem[] {
  const problems: GroupProblem[] = [];
  const groupOf = new Map<string, string>();
  const ids = new Set<string>();
  groups.forEach((group, g) => {
    if (ids.has(group.id)) problems.push({ path: ['groups', g, 'id'], message: `duplicate group id "${group.id}"` });
    ids.add(group.id);
    const inThisGroup = new Set<string>();
    group.members.forEach((ref, m) => {
      const path: PathSegment[] = ['groups', g, 'members', m];
      const key = parseEntryRef(ref);
      if (!key) return problems.push({ path, message: `"${ref}" is not a valid entry reference` });
      if (inThisGroup.has(ref)) return problems.push({ path, message: `"${ref}" is listed twice in group "${group.id}"` });
      inThisGroup.add(ref);
      if (!known.has(ref) && !unread.has(key.vendor)) {
        const why = vendors.has(key.vendor) ? `vendor "${key.vendor}" has no ${key.kind} entry "${key.code}"` : `no vendor "${key.vendor}"`;
        return problems.push({ path, message: `broken link "${ref}": ${why}` });
      }
      const other = groupOf.get(ref);
      if (other !== undefined && other !== group.id)
        return problems.push({ path, message: `"${ref}" is already a member of group "${other}"; an entry belongs to at most one group` });
      groupOf.set(ref, group.id);
    });
    if (new Set(group.members.map((ref) => parseEntryRef(ref)?.vendor)).size < 2)
      problems.push({ path: ['groups', g, 'members'], message: `group "${group.id}" has members of one vendor only; a group links vendors` });
  });
  return problems;
}

export interface Equivalence {
  /** Entry id → its group's id. */
  group: Map<string, string>;
  /** Entry id → every other member of its group, sorted. */
  equivalents: Map<string, string[]>;
}

export function deriveEquivalence(groups: readonly EquivalenceGroup[]): Equivalence {
  const group = new Map<string, string>();
  const equivalents = new Map<string, string[]>();
  for (const g of groups) {
    const members = [...new Set(g.members)].sort();
    for (const ref of members) {
      group.set(ref, g.id);
      equivalents.set(ref, members.filter((other) => other !== ref));
    }
  }
  return { group, equivalents };
}
