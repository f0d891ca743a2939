import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** What the spec reads of a page element (the project's type-check has no DOM library). */
export type PageElement = { getAttribute(name: string): string | null };

/** The little of playwright-core's API the dashboard spec uses. */
export type Page = {
  goto(url: string): Promise<unknown>;
  url(): string;
  waitForSelector(selector: string, options?: { state?: 'visible' | 'attached' | 'hidden'; timeout?: number }): Promise<unknown>;
  textContent(selector: string): Promise<string | null>;
  fill(selector: string, value: string): Promise<void>;
  click(selector: string): Promise<void>;
  $$eval<R>(selector: string, fn: (elements: PageElement[]) => R): Promise<R>;
  close(): Promise<void>;
};
export type Browser = { newPage(): Promise<Page>; close(): Promise<void> };
type PlaywrightCore = { chromium: { launch(options: { executablePath: string; args: string[]; headless: boolean }): Promise<Browser> } };

/**
 * Real headless Chromium through playwright-core. Either missing is a failure that says what to
 * install, never a skipped spec.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: run "apt-get update && apt-get install -y chromium"`);
  let playwright: PlaywrightCore;
  try {
    // A variable name keeps the type-checker from requiring the package to be present.
    const name = 'playwright-core';
    playwright = require(name) as PlaywrightCore;
  } catch {
    throw new Error('playwright-core is not installed: add it as a devDependency ("npm install --save-dev playwright-core"); it drives the system Chromium and downloads no browser');
  }
  return playwright.chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
