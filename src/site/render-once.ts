/**
 * HTML rendered once per key and reused: for page parts that are a pure function of a small key
 * (the sidebar's links are the same on every entry page of a vendor), so a build of 100,000 pages
 * renders them a few hundred times. Only in a build: in `astro dev` a component may change between
 * requests. What is kept grows with the distinct keys, never with the pages.
 */
const rendered = new Map<string, Promise<string>>();

export function renderedOnce(key: string, render: () => Promise<string>): Promise<string> {
  if (!import.meta.env.PROD) return render();
  let html = rendered.get(key);
  if (html === undefined) {
    html = render();
    rendered.set(key, html);
    // A failed render is not remembered: the next page renders again and reports its own error.
    html.catch(() => rendered.delete(key));
  }
  return html;
}
