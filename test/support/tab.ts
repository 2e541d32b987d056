/**
 * One browser tab per context, moved from page to page. A new tab costs Chromium two to three times the
 * CPU of a navigation in an open one (24 loads of our pages on 2026-12-07: 17–21 core-seconds in new
 * tabs, 6–8 in one tab), and `npm test` is CPU-bound on 2 cores. Each visit starts clean: the colour
 * scheme goes back to the context's, and the navigation drops the old document with its dialogs and
 * script state. A test that needs listeners, routes or a history of its own opens its own page.
 */
import type { BrowserContext, Page } from 'playwright-core';

export class Tab {
  #page: Page | undefined;
  readonly #context: BrowserContext;
  readonly #baseUrl: string;
  readonly #colorScheme: 'light' | 'dark';

  /** `colorScheme`: the one the context was made with (Playwright's default is light). */
  constructor(context: BrowserContext, baseUrl: string, colorScheme: 'light' | 'dark' = 'light') {
    this.#context = context;
    this.#baseUrl = baseUrl;
    this.#colorScheme = colorScheme;
  }

  /** The tab, navigated to `path` (under the base URL); the response of that navigation beside it. */
  async visit(path: string): Promise<{ page: Page; status: number | undefined }> {
    if (!this.#page || this.#page.isClosed()) this.#page = await this.#context.newPage();
    else await this.#page.emulateMedia({ colorScheme: this.#colorScheme });
    const response = await this.#page.goto(`${this.#baseUrl}${path}`);
    return { page: this.#page, status: response?.status() };
  }

  /** The tab, navigated to `path`. */
  async open(path: string): Promise<Page> {
    return (await this.visit(path)).page;
  }
}
