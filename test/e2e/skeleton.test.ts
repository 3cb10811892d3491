// The walking skeleton end to end (now the app's Toy surfaces tab): the built web UI asks
// its worker for a toy surface, draws it with WebGL in viridis colours, and redraws when
// another surface is picked.
import type { Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useAppPage } from './appSteps.js';
import { screenshot, useWebAppInChromium } from './browser.js';
import { dominantColor, fractionUnlike, viridisBandCounts } from './pixels.js';

const env = useWebAppInChromium();
let page: Page;
let problems: string[] = [];
useAppPage(env, (opened) => ({ page, problems } = opened), { width: 1280, height: 800 });

/** Waits until the viewer reports `surface` drawn; fails with the app's message if it reports an error. */
async function waitForSurface(surface: string): Promise<void> {
  const viewer = page.locator(`.viewer[data-state="ready"][data-surface="${surface}"], .viewer[data-state="error"]`);
  await viewer.waitFor({ timeout: 60_000 });
  if ((await viewer.getAttribute('data-state')) === 'error') {
    throw new Error(`the app could not draw ${surface}: ${await page.locator('.status--error').innerText()}`);
  }
}

/** Asserts that the canvas shows a plot in viridis colours, low end and high end included. */
function expectViridisPlot(png: PNG): void {
  const background = dominantColor(png);
  expect(fractionUnlike(png, background)).toBeGreaterThan(0.1);
  const bands = viridisBandCounts(png);
  const minimumPixels = png.width * png.height * 0.0005;
  expect(bands[0], `dark-purple pixels, bands ${bands.join(' ')}`).toBeGreaterThan(minimumPixels);
  expect(bands[bands.length - 1], `yellow pixels, bands ${bands.join(' ')}`).toBeGreaterThan(minimumPixels);
  expect(bands.filter((count) => count > minimumPixels).length, `bands ${bands.join(' ')}`).toBeGreaterThanOrEqual(6);
}

describe('walking skeleton', () => {
  beforeAll(async () => {
    await page.click('#tab-toy');
  });

  it('draws the saddle x² − y² from the worker in viridis colours', async () => {
    await waitForSurface('saddle');
    await expect.poll(() => page.locator('.formula').innerText()).toContain('x² − y²');
    await screenshot(page, 'skeleton-saddle-page');
    expectViridisPlot(await screenshot(page.locator('.viewer canvas'), 'skeleton-saddle-canvas'));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('redraws when another toy surface is picked', async () => {
    await page.selectOption('#surface', 'monkey-saddle');
    await waitForSurface('monkey-saddle');
    await expect.poll(() => page.locator('.formula').innerText()).toContain('x³ − 3xy²');
    await screenshot(page, 'skeleton-monkey-saddle-page');
    expectViridisPlot(await screenshot(page.locator('.viewer canvas'), 'skeleton-monkey-saddle-canvas'));
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
