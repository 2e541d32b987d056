/**
 * What a mistyped URL was looking for, for the 404 page's search: /baidu-face/22220/ → Baidu Face's
 * code "22220"; /zh-cn/picwish/state/-9/ → PicWish's "-9". Pure, for the browser and the tests.
 */
import { LOCALE_PREFIX } from '../core/model.ts';

/** Path segments that name the kind of an entry (/<vendor>/http/<status>/), not a code. */
const KIND_SEGMENTS = new Set(['http', 'state', 'sdk']);

export function searchOfPath(pathname: string, vendorIds: readonly string[]): { vendor: string | undefined; code: string | undefined } {
  const zh = `${LOCALE_PREFIX.zh}/`;
  const path = pathname.startsWith(zh) ? pathname.slice(LOCALE_PREFIX.zh.length) : pathname;
  const segments = path.split('/').filter(Boolean).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  const vendor = segments[0] !== undefined && vendorIds.includes(segments[0]) ? segments.shift() : undefined;
  if (vendor && KIND_SEGMENTS.has(segments[0] ?? '')) segments.shift();
  const last = segments.at(-1)?.replace(/\.html?$/i, '').trim();
  // The 404 page's own name, an index file or a long piece of text is not a code to search for.
  const code = last && !/^(?:404|index)$/i.test(last) && last.length <= 80 ? last : undefined;
  return { vendor, code };
}
