/**
 * explain's reasons are keys with parameters (`explain.reason.*` in src/core/explain/i18n/<lang>.json),
 * rendered in the reader's language here. Parameters named in VENDOR_PARAMS hold vendor ids and are
 * shown as the vendor's name in that language; a list is joined with the language's separator.
 */
import type { Lang } from '../artifact-types.ts';
import { PLACEHOLDER } from '../catalogues.ts';
import type { Lookup } from '../lookup.ts';
import { translateExplain } from './strings.ts';

export type ReasonParams = Readonly<Record<string, string | number | readonly string[]>>;

/** One step of how explain() reached its answer: a translation key and what fills it in. */
export interface ExplainReason {
  key: string;
  params: ReasonParams;
}

/** Parameters holding vendor ids (or lists of them), shown as the vendors' names. */
const VENDOR_PARAMS = new Set(['vendor', 'upstream', 'vendors', 'sharing']);
/** Lists read as "A and B" rather than "A, B". */
const AND_LISTS = new Set(['sharing']);

/** CJK characters and punctuation, full-width forms: no space between two of them. */
const CJK = '[\\u3400-\\u9fff\\u3000-\\u303f\\uff00-\\uffef]';
const CJK_THEN_SPACE_AT_END = new RegExp(`${CJK}\\s+$`);
const CJK_AT_START = new RegExp(`^${CJK}`);
const CJK_AT_END = new RegExp(`${CJK}$`);
const SPACE_THEN_CJK_AT_START = new RegExp(`^\\s+${CJK}`);

/**
 * The pieces joined; where a piece meets the next across spaces and both sides are CJK, the spaces
 * go (`{{vendor}} 的文档` reads `百度人脸的文档` but `PicWish 的文档`). Only junctions are touched,
 * never the inside of a piece (a quoted message stays as it was sent).
 */
function glue(pieces: readonly string[]): string {
  let out = '';
  for (const piece of pieces) {
    let next = piece;
    if (CJK_THEN_SPACE_AT_END.test(out) && CJK_AT_START.test(next)) out = out.replace(/\s+$/, '');
    else if (CJK_AT_END.test(out) && SPACE_THEN_CJK_AT_START.test(next)) next = next.replace(/^\s+/, '');
    out += next;
  }
  return out;
}

/**
 * The reason in `lang`. With `l`, vendor ids are shown as the vendors' names; without, as ids.
 * A parameter the text does not use is ignored; a placeholder without a parameter stays visible.
 */
export function renderReason(lang: Lang, reason: ExplainReason, l?: Lookup): string {
  const vendorName = (id: string) => {
    const v = l?.vendor(id);
    return v ? (v.short_name ?? v.name)[lang] : id;
  };
  const valueOf = (name: string): string | undefined => {
    if (!Object.hasOwn(reason.params, name)) return undefined;
    const raw = reason.params[name]!;
    const show = (x: string | number) => (VENDOR_PARAMS.has(name) ? vendorName(String(x)) : String(x));
    if (!Array.isArray(raw)) return show(raw as string | number);
    const separator = translateExplain(lang, AND_LISTS.has(name) ? 'explain.reason.list.and' : 'explain.reason.list.separator');
    return glue((raw as readonly string[]).flatMap((x, i) => (i === 0 ? [show(x)] : [separator, show(x)])));
  };
  // The template with its placeholders (translateExplain keeps a placeholder it has no parameter for).
  const template = translateExplain(lang, reason.key);
  const pieces: string[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const value = valueOf(m[1]!);
    pieces.push(template.slice(last, m.index), value ?? m[0]);
    last = m.index + m[0].length;
  }
  pieces.push(template.slice(last));
  return glue(pieces);
}
