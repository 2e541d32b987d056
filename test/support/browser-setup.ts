/**
 * Vitest global setup of the build tier: one Chromium for every browser test file, started once
 * (test/support/shared-browser.ts connects to it) instead of once per file. Without Chromium nothing
 * is started and the browser tests say how to get it when they ask for one.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium's WebSocket endpoint; empty when there is no Chromium. */
    browserWsEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM)) {
    project.provide('browserWsEndpoint', '');
    return async () => {};
  }
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  project.provide('browserWsEndpoint', server.wsEndpoint());
  return () => server.close();
}
