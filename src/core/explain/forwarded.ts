/**
 * Messages a vendor forwards from its upstream engine (AILabTools forwards Baidu Face's), as the
 * vendor's envelope says (`forwards_from`: the upstream vendor and the separator).
 */
import type { ArtifactEntry } from '../artifact-types.ts';
import { bodyEntry, settle, type Explainer } from './context.ts';
import { rulesOf, type VendorRules } from './vendor-rules.ts';
import { quote } from './values.ts';

/** Messages a vendor forwards from its upstream engine (AILabTools forwards Baidu Face's). */
export function upstream(x: Explainer, rules: VendorRules, messages: string[]): void {
  if (!rules.upstream || messages.length === 0) return;
  const { vendor: up, separator } = rules.upstream;
  const { a, l } = x;
  // The same text in two fields (error_msg and error_detail.message) is one forwarded message.
  for (const m of new Set(messages)) {
    if (m.length > 2000) continue;
    const found = new Set(l.matchMessage(m, up));
    // `File content does not meet requirements. - 222202 - pic not has face`
    for (const part of m.split(separator).slice(0, 10)) {
      const p = part.trim();
      if (/^\d{1,9}$/.test(p)) {
        const e = bodyEntry(x, up, p);
        if (e) found.add(e);
      } else if (p !== m) for (const e of l.matchMessage(p, up)) found.add(e);
    }
    if (found.size > 0) {
      a.because('forwardedFrom', { message: quote(m), upstream: up, ids: [...found].map((e) => e.id) });
      a.addCandidates([...found]);
    }
  }
}

/**
 * `File content does not meet requirements. - 222202 - pic not has face`: a vendor's message
 * with the code and message of its upstream engine appended (AILabTools forwarding Baidu Face).
 */
export function forwarded(x: Explainer, messages: string[]): boolean {
  const { l } = x;
  const separators = new Set((l.index.vendors ?? []).flatMap((v) => rulesOf(v).upstream?.separator ?? []));
  for (const m of messages) {
    if (m.length > 2000) continue;
    for (const separator of separators) {
      if (forwardedWith(x, m, separator)) return true;
    }
  }
  return false;
}

/** `m` split by `separator`: the head is one entry's message, and the rest names the upstream's code or message. */
export function forwardedWith(x: Explainer, m: string, separator: string): boolean {
  const { a, l } = x;
  if (!m.includes(separator)) return false;
  const [head, ...rest] = m.split(separator).slice(0, 10).map((p) => p.trim());
  const first = l.matchMessage(head!).filter((e) => e.kind !== 'http-status');
  if (first.length !== 1) return false;
  const e = first[0]!;
  const forwarding = rulesOf(l.vendor(e.vendor)).upstream;
  if (!forwarding || forwarding.separator !== separator) return false;
  const up = forwarding.vendor;
  const upstream = new Set<ArtifactEntry>();
  for (const part of rest) {
    const byCode = /^\d{1,9}$/.test(part) ? bodyEntry(x, up, part) : undefined;
    if (byCode) upstream.add(byCode);
    for (const x of l.matchMessage(part, up)) upstream.add(x);
  }
  if (upstream.size === 0) return false;
  a.message = m.slice(0, 2000);
  a.because('forwardedAppended', { message: quote(head!), id: e.id, vendor: e.vendor, upstream: up, ids: [...upstream].map((u) => u.id) });
  settle(x, [e], 'failure');
  a.addCandidates([...upstream]);
  return true;
}
