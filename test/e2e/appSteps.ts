// Steps the app's e2e tests share.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { collectPageProblems, type WebApp } from './browser.js';

interface Viewport {
  width: number;
  height: number;
}

/** A new page on the app (1440 × 900 unless told), with the problems it logs collected. */
export async function openAppPage(env: { readonly app: WebApp; readonly browser: Browser }, viewport: Viewport = { width: 1440, height: 900 }): Promise<{ page: Page; problems: string[] }> {
  const page = await env.browser.newPage({ viewport, deviceScaleFactor: 1 });
  const problems = collectPageProblems(page);
  await page.goto(env.app.url);
  return { page, problems };
}

/** Opens a page on the app before the file's tests (handing it to `use`) and closes it after them. */
export function useAppPage(env: { readonly app: WebApp; readonly browser: Browser }, use: (opened: { page: Page; problems: string[] }) => void, viewport?: Viewport): void {
  let page: Page | undefined;
  beforeAll(async () => {
    const opened = await openAppPage(env, viewport);
    page = opened.page;
    use(opened);
  });
  afterAll(async () => {
    await page?.close();
  });
}

/** Opens a sidebar section if it is closed. */
export async function openSection(page: Page, id: string): Promise<void> {
  const section = page.locator(`[data-section="${id}"]`);
  if ((await section.getAttribute('data-open')) !== 'true') await section.locator('.section__header').click();
}

/** Waits for `locator` to match; fails with the app's alerts if it does not. */
export async function waitFor(page: Page, locator: Locator, timeout = 60_000): Promise<void> {
  try {
    await locator.waitFor({ timeout });
  } catch (error) {
    const alerts = await page.locator('[role="alert"]').allInnerTexts();
    throw new Error(`${(error as Error).message}\napp alerts: ${alerts.join(' | ') || 'none'}`);
  }
}

/** Picks `preset` in the Train section and trains it to the end. */
export async function trainPreset(page: Page, preset: string): Promise<void> {
  await page.selectOption('#preset', preset);
  await page.click('#train-run');
  await waitFor(page, page.locator('.training[data-status="done"]'));
}
