// Comparing three runs (Xavier vs He vs orthogonal initialization): three surfaces on one
// colour scale, a table with a column per run, and cameras that orbit together.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openSection, trainPreset, useAppPage, waitFor } from './appSteps.js';
import { screenshot, useWebAppInChromium } from './browser.js';
import { colormapBandCounts, fractionChanged, fractionUnlike, hexRgb } from './pixels.js';

const env = useWebAppInChromium();
const SIDES = ['a', 'b', 'c'];

describe('comparing three initializers', () => {
  let page: Page;
  let problems: string[];
  useAppPage(env, (opened) => ({ page, problems } = opened));

  const cameraOf = (side: string) => page.locator(`#compare-${side} canvas`).getAttribute('data-camera');

  /** Waits until every view shows the same camera (orbiting eases out over several frames), then returns it per view. */
  async function settledCameras(): Promise<(string | null)[]> {
    const selector = SIDES.map((side) => `#compare-${side} canvas`).join(', ');
    await page.waitForFunction((sel) => new Set([...document.querySelectorAll(sel)].map((c) => c.getAttribute('data-camera'))).size === 1, selector, { timeout: 10_000 });
    return Promise.all(SIDES.map(cameraOf));
  }

  /** The viewers' boxes fit in the window side by side: none overlaps another, the page does not scroll sideways. */
  async function expectTiled(sides: string[]): Promise<void> {
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    const boxes = await Promise.all(sides.map(async (side) => (await page.locator(`#compare-${side}`).boundingBox())!));
    for (const [k, a] of boxes.entries()) {
      expect(a.x + a.width, `viewer ${sides[k]} inside the window`).toBeLessThanOrEqual(1440);
      expect(a.width * a.height, `viewer ${sides[k]} has room`).toBeGreaterThan(300 * 200);
      for (const b of boxes.slice(k + 1)) {
        const overlap = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
        expect(overlap).toBeLessThan(2 * Math.max(a.width, a.height));
      }
    }
  }

  it('trains and scans three runs, and draws them on one colour scale with a column each in the table', async () => {
    await trainPreset(page, 'seed-iris');
    await openSection(page, 'landscape');
    await page.selectOption('#resolution', '21');
    await openSection(page, 'compare');
    await page.selectOption('#compare-variant', 'init');
    await page.click('#compare-run');
    await waitFor(page, page.locator('.compare[data-state="ready"]'), 110_000);
    expect(await page.locator('.compare__sides').getAttribute('data-count')).toBe('3');
    for (const side of SIDES) await waitFor(page, page.locator(`#compare-${side}[data-state="ready"][data-kind="3d"]`));
    expect(await page.locator('.compare-table__changed td').allInnerTexts()).toEqual(['xavier-normal', 'he-normal', 'orthogonal']);
    expect(await page.locator('.compare-table thead th').count()).toBe(4);
    const losses = await page.locator('.compare-table tr', { hasText: 'final loss' }).locator('td').allInnerTexts();
    expect(losses.every((v) => /^\d/.test(v))).toBe(true);
    await expectTiled(SIDES);
    await screenshot(page, 'compare-1-three-runs');
    for (const side of SIDES) {
      const png = await screenshot(page.locator(`#compare-${side} canvas`), `compare-1-${side}-canvas`);
      expect(fractionUnlike(png, hexRgb('#0d1017')), `run ${side} is drawn`).toBeGreaterThan(0.04);
      const bands = colormapBandCounts(png, 'viridis');
      expect(bands.filter((n) => n > png.width * png.height * 0.0005).length, `viridis bands of ${side}: ${bands.join(' ')}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('orbits all three cameras when one is dragged', async () => {
    const start = await Promise.all(SIDES.map(cameraOf));
    expect(start[0]).toMatch(/^-?\d+\.\d{3},-?\d+\.\d{3},-?\d+\.\d{3}$/);
    expect(new Set(start).size).toBe(1);
    const before = await screenshot(page.locator('#compare-c canvas'), 'compare-2-c-before');
    const box = (await page.locator('#compare-a canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 160, box.y + box.height / 2 + 30, { steps: 12 });
    await page.mouse.up();
    await page.waitForTimeout(800);
    const moved = await settledCameras();
    expect(moved[0]).not.toBe(start[0]);
    expect(moved[1]).toBe(moved[0]);
    expect(moved[2]).toBe(moved[0]);
    const after = await screenshot(page.locator('#compare-c canvas'), 'compare-2-c-after');
    expect(fractionChanged(before, after), 'run C was redrawn from the new angle').toBeGreaterThan(0.03);
    await screenshot(page, 'compare-2-orbited');
    // The camera presets still apply to all: Top puts every view above the surfaces.
    await page.click('#camera-top');
    await page.waitForTimeout(300);
    const top = await Promise.all(SIDES.map(cameraOf));
    expect(new Set(top).size).toBe(1);
    expect(Number(top[0]!.split(',')[1])).toBeGreaterThan(5);
  });

  it('compares four optimizers in a 2 × 2 grid', async () => {
    await page.selectOption('#compare-variant', 'optimizers');
    await page.click('#compare-run');
    await waitFor(page, page.locator('.compare[data-state="ready"]'), 110_000);
    const four = ['a', 'b', 'c', 'd'];
    for (const side of four) await waitFor(page, page.locator(`#compare-${side}[data-state="ready"]`));
    expect(await page.locator('.compare-table__changed td').allInnerTexts()).toEqual(['sgd', 'momentum', 'rmsprop', 'adam']);
    await expectTiled(four);
    await screenshot(page, 'compare-3-four-runs');
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
