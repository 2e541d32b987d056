/** The reader's language, from the URL (English at the root, Chinese under /zh-cn/). */
import type { Lang } from '../core/schema.ts';

export const LANGS_ROUTED: { lang: Lang; locale: string | undefined }[] = [
  { lang: 'en', locale: undefined },
  { lang: 'zh', locale: 'zh-cn' },
];

export function langOf(url: URL): Lang {
  return url.pathname === '/zh-cn' || url.pathname.startsWith('/zh-cn/') ? 'zh' : 'en';
}
