/** The guides (Markdown pages under src/content/docs/guides/ and zh-cn/guides/), in sidebar order. */
export const GUIDES: { slug: string; title: { en: string; zh: string } }[] = [
  { slug: 'reading-responses', title: { en: 'Reading error responses', zh: '解读错误响应' } },
];
