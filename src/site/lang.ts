/** The reader's language, from the URL (English at the root, Chinese under /zh-cn/). */
import type { Lang } from '../core/schema.ts';

export function langOf(url: URL): Lang {
  return url.pathname === '/zh-cn' || url.pathname.startsWith('/zh-cn/') ? 'zh' : 'en';
}
