/**
 * The guides, in sidebar order, at /guides/<slug>/ and /zh-cn/guides/<slug>/. Every guide is a page
 * of Starlight's docs collection, src/content/docs/guides/<slug>.md(x) and zh-cn/guides/<slug>.md(x),
 * whose frontmatter title must match the title here (the sidebar is built from this list). Their
 * prose is Markdown; the tables and examples made from the data are components of
 * src/components/guides/, imported by the MDX pages.
 */
import type { Lang } from '../core/schema.ts';

export const GUIDES = [
  { slug: 'reading-responses', title: { en: 'Reading error responses from each vendor', zh: '解读各厂商的错误响应' }, audience: 'reader' },
  { slug: 'retry-strategy', title: { en: 'Retry strategy', zh: '重试策略' }, audience: 'reader' },
  { slug: 'json-api', title: { en: 'Using the JSON artifact', zh: '使用 JSON 数据文件' }, audience: 'reader' },
  // For people who change this project, not for its readers: the sidebar lists it apart, folded.
  { slug: 'adding-a-vendor', title: { en: 'Adding a vendor', zh: '添加厂商' }, audience: 'contributor' },
] as const satisfies readonly { slug: string; title: Record<Lang, string>; audience: 'reader' | 'contributor' }[];

export type GuideSlug = (typeof GUIDES)[number]['slug'];

export function guideTitle(slug: GuideSlug, lang: Lang): string {
  return GUIDES.find((g) => g.slug === slug)!.title[lang];
}
