/**
 * Which vendor's envelope is this body? Read from the data: every vendor's `envelope.code_field`
 * (`error_detail.code`, `error_code`, `data.state`, `code`). A nested field present in the body
 * (AILabTools' error_detail.code, PicWish's data.state) decides; where vendors share a field
 * (Baidu and G42 both use error_code/error_msg) the code decides: a code one vendor has, else the
 * shape of the vendor's codes (Baidu: digits; G42: `AIS.0014`, `APIG.0308`, `ModelArts.4204`).
 * Without any code field, the fields of a vendor's documented success example tell.
 */
import type { Lookup } from '../lookup.ts';
import { bodyEntry, type Explainer } from './context.ts';
import { parseText } from './read-body.ts';
import { FALLBACK_FIELDS, rulesOf } from './vendor-rules.ts';
import { at, codeString, isRecord, quote, type Rec } from './values.ts';

/** `AIS.0014` → `a.9`, `222202` → `9`, `-8` → `-9`: what a vendor's codes look like. */
export function shapeOf(code: string): string {
  return code.replace(/\p{L}+/gu, 'a').replace(/\d+/g, '9');
}

/** `compute(l, vendor)`, worked out once per lookup and vendor. */
function perVendor<T>(compute: (l: Lookup, vendor: string) => T): (l: Lookup, vendor: string) => T {
  const cache = new WeakMap<Lookup, Map<string, T>>();
  return (l, vendor) => {
    let byVendor = cache.get(l);
    if (!byVendor) cache.set(l, (byVendor = new Map()));
    if (!byVendor.has(vendor)) byVendor.set(vendor, compute(l, vendor));
    return byVendor.get(vendor)!;
  };
}

/** The shapes of a vendor's codes (not its HTTP statuses). */
export const codeShapes = perVendor((l, vendor) => new Set(l.entriesOf(vendor).filter((e) => e.kind !== 'http-status').map((e) => shapeOf(e.code))));

/** Top-level fields of a vendor's documented success example. */
const successKeys = perVendor((l, vendor) => {
  const body = l.vendor(vendor)?.envelope.example_success?.body;
  const parsed = typeof body === 'string' ? parseText(body) : undefined;
  return new Set(parsed?.kind === 'json' && isRecord(parsed.value) ? Object.keys(parsed.value) : []);
});

/** The field that carries a vendor's code in this body: envelope.code_field, else an older one. */
export function codeFieldIn(x: Explainer, vendor: string, o: Rec): string | undefined {
  const v = x.l.vendor(vendor);
  const fields = [v?.envelope.code_field ?? FALLBACK_FIELDS.code, ...rulesOf(v).codeFields];
  return fields.find((f) => at(o, f) !== undefined);
}

/** Does the body have a field the vendor's envelope reads (its code, message or status fields)? */
function readsFieldsOf(x: Explainer, vendor: string, o: Rec): boolean {
  const v = x.l.vendor(vendor);
  if (!v || !isRecord(v.envelope)) return false;
  const rules = rulesOf(v);
  const fields = [v.envelope.code_field, v.envelope.message_field, ...rules.codeFields, ...rules.messages, ...rules.statusFields];
  return fields.some((f) => typeof f === 'string' && at(o, f) !== undefined);
}

/** Which vendor's envelope is this? */
export function recognise(x: Explainer, o: Rec): { vendor?: string; among?: string[] } {
  const { a, l } = x;
  const vendors = l.vendors().filter((v) => isRecord(v.envelope) && typeof v.envelope.code_field === 'string');
  const present = vendors.flatMap((v) => {
    const field = codeFieldIn(x, v.id, o);
    return field ? [{ id: v.id, field }] : [];
  });
  if (present.length === 0) {
    // No code field (G42 success bodies carry none; a PicWish task just created has no state yet):
    // the fields of a vendor's documented success example tell.
    const keys = Object.keys(o);
    const alike = keys.length > 0
      ? vendors.filter((v) => {
          // Every field of the body is one of the example's, and enough of them to mean something
          // (a lone `message` is not SoftSugar's {code, message, data}).
          const example = successKeys(l, v.id);
          return example.size > 0 && keys.length >= Math.min(2, example.size) && keys.every((k) => example.has(k));
        })
      : [];
    if (alike.length === 1) {
      const v = alike[0]!;
      a.because('successExample', { vendor: v.id, fields: keys });
      return { vendor: v.id };
    }
    // The text names one vendor (its host, SDK or name) and the body has fields that vendor reads.
    const named = (x.textHints ?? []).filter((id) => readsFieldsOf(x, id, o));
    if (named.length === 1) {
      a.because('hintVendor', { vendor: named[0]! });
      return { vendor: named[0]! };
    }
    return {};
  }
  const depth = (p: { field: string }) => p.field.split('.').length;
  const deepest = Math.max(...present.map(depth));
  let among = deepest > 1 ? present.filter((p) => depth(p) === deepest) : present;
  const shared = (p: { field: string }) => among.filter((q) => q.field === p.field).length > 1;
  const own = among.filter((p) => !shared(p));
  if (among.length === 1 || own.length === 1) {
    const p = among.length === 1 ? among[0]! : own[0]!;
    a.because('codeField', { field: p.field, vendor: p.id });
    return { vendor: p.id };
  }
  // Vendors sharing a field (Baidu and G42: error_code): decide by the code.
  const fields = [...new Set(among.map((p) => p.field))];
  const sharing = among.map((p) => p.id);
  const codeIn = (p: { field: string }) => codeString(at(o, p.field));
  const having = among.filter((p) => {
    const code = codeIn(p);
    return code !== undefined && code !== '' && bodyEntry(x, p.id, code) !== undefined;
  });
  if (having.length === 1) {
    const p = having[0]!;
    a.because('sharedFieldCode', { fields, sharing, code: quote(codeIn(p)!), vendor: p.id });
    return { vendor: p.id };
  }
  const hinted = among.filter((p) => x.textHints?.includes(p.id));
  if (hinted.length === 1) {
    const p = hinted[0]!;
    a.because('sharedFieldHint', { fields, sharing, vendor: p.id });
    return { vendor: p.id };
  }
  const shaped = among.filter((p) => {
    const code = codeIn(p);
    return code !== undefined && code !== '' && codeShapes(l, p.id).has(shapeOf(code));
  });
  if (shaped.length === 1) {
    const p = shaped[0]!;
    a.because('sharedFieldShape', { fields, sharing, code: quote(codeIn(p)!), vendor: p.id });
    return { vendor: p.id };
  }
  if (shaped.length > 1) among = shaped;
  const raw = at(o, among[0]!.field);
  if (codeIn(among[0]!) === undefined)
    a.because('notACode', { field: among[0]!.field, type: Array.isArray(raw) ? 'array' : typeof raw });
  a.because('cannotTell', { vendors: among.map((p) => p.id) });
  return { among: among.map((p) => p.id) };
}
