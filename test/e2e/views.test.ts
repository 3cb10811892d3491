// The surface's views end to end: the colormap select recolours the 3D surface, the colour
// bar and the heatmap; contour lines and the wireframe draw over the 3D surface; the heatmap
// view shows the grid with the path, its axes and a colour bar with values.
import type { Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colormap, rgbBytes, type ColormapName } from '../../engine/io/figure/colormaps.js';
import { openAppPage, waitFor } from './appSteps.js';
import { screenshot, useWebAppInChromium } from './browser.js';
import { colormapBandCounts, countNear, fractionChanged, hexRgb, pixelAt } from './pixels.js';

const PATH = hexRgb('#ff5c8a');
const PLAYBACK = hexRgb('#ff9f1c');
const BACKGROUND = hexRgb('#0d1017');

const env = useWebAppInChromium();

/**
 * How many of the 8 bands of `name` cover a visible part of the image, and how many pixels
 * match it at all. The darkest band is left out: magma's and inferno's black end is close to
 * the plot's background.
 */
function coverage(png: PNG, name: ColormapName): { bands: number; pixels: number } {
  const counts = colormapBandCounts(png, name).slice(1);
  return { bands: counts.filter((count) => count > png.width * png.height * 0.0005).length, pixels: counts.reduce((a, b) => a + b, 0) };
}

/**
 * Of the pixels away from the scene's background, how many are clearly nearer to colormap `a`
 * than to `b` (by more than `margin`), and the other way round: which map the picture is drawn in.
 */
function nearerTo(png: PNG, a: ColormapName, b: ColormapName, margin = 12): { a: number; b: number } {
  const samples = (name: ColormapName) => Array.from({ length: 64 }, (_, k) => rgbBytes(colormap(name, k / 63)));
  const [sa, sb] = [samples(a), samples(b)];
  const nearest = (p: number[], list: number[][]) => {
    let best = Infinity;
    for (const c of list) best = Math.min(best, (p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2 + (p[2] - c[2]) ** 2);
    return Math.sqrt(best);
  };
  const counts = { a: 0, b: 0 };
  for (let y = 0; y < png.height; y += 2) {
    for (let x = 0; x < png.width; x += 2) {
      const p = pixelAt(png, x, y);
      if (Math.hypot(p[0] - BACKGROUND[0], p[1] - BACKGROUND[1], p[2] - BACKGROUND[2]) < 16) continue;
      const [da, db] = [nearest(p, sa), nearest(p, sb)];
      if (da + margin < db) counts.a++;
      else if (db + margin < da) counts.b++;
    }
  }
  return counts;
}

describe('the views: colormaps, contour lines, wireframe, heatmap', () => {
  let page: Page;
  let problems: string[];
  const viewer = () => page.locator('#landscape-viewer[data-state="ready"]');
  const canvas = () => page.locator('#landscape-viewer canvas');

  /** Waits until the 3D viewer has drawn the frame that shows the latest view settings. */
  async function redrawn(): Promise<void> {
    await page.waitForTimeout(50);
    await waitFor(page, viewer());
  }

  beforeAll(async () => {
    ({ page, problems } = await openAppPage(env));
    await page.selectOption('#preset', 'seed-iris');
    await page.click('#train-run');
    await waitFor(page, page.locator('.training[data-status="done"]'));
    await page.selectOption('#resolution', '41');
    await page.click('#compute');
    await waitFor(page, page.locator('#landscape-viewer[data-state="ready"][data-kind="3d"]'));
  });

  afterAll(async () => {
    await page?.close();
  });

  it('recolours the surface and the colour bar with the chosen colormap', async () => {
    const ramp = page.locator('.colorbar__ramp');
    const before = await screenshot(canvas(), 'views-1-viridis-canvas');
    const viridis = coverage(before, 'viridis');
    expect(viridis.bands, 'viridis bands on the default surface').toBeGreaterThanOrEqual(4);
    await page.selectOption('#colormap', 'magma');
    await waitFor(page, page.locator('.colorbar[data-colormap="magma"]'));
    await redrawn();
    const after = await screenshot(canvas(), 'views-2-magma-canvas');
    const magma = coverage(after, 'magma');
    expect(magma.bands, 'magma bands after the switch').toBeGreaterThanOrEqual(4);
    // The surface was drawn in viridis, and is in magma now.
    const wasViridis = nearerTo(before, 'viridis', 'magma');
    const isMagma = nearerTo(after, 'viridis', 'magma');
    expect(wasViridis.a, `viridis vs magma pixels before ${JSON.stringify(wasViridis)}`).toBeGreaterThan(5 * wasViridis.b);
    expect(isMagma.b, `viridis vs magma pixels after ${JSON.stringify(isMagma)}`).toBeGreaterThan(5 * isMagma.a);
    // The colour bar runs from magma's low end (bottom) to its high end (top).
    const bar = await screenshot(ramp, 'views-2-magma-colorbar');
    const x = Math.floor(bar.width / 2);
    const near = (actual: number[], expected: number[]) => expect(Math.hypot(...actual.map((c, k) => c - expected[k])), `${actual} vs ${expected}`).toBeLessThan(20);
    near(pixelAt(bar, x, 4), rgbBytes(colormap('magma', 1)));
    near(pixelAt(bar, x, bar.height - 5), rgbBytes(colormap('magma', 0)));
    await screenshot(page, 'views-2-magma');
  });

  it('draws contour lines on the surface and its floor, and a wireframe', async () => {
    const plain = await screenshot(canvas(), 'views-3-plain-canvas');
    await page.click('label[for="show-contours"]');
    await expect.poll(() => page.locator('#show-contours').isChecked()).toBe(true);
    await redrawn();
    const contoured = await screenshot(canvas(), 'views-3-contours-canvas');
    expect(fractionChanged(plain, contoured), 'pixels the contour lines changed').toBeGreaterThan(0.004);
    await screenshot(page, 'views-3-contours');

    await page.click('label[for="show-contours"]');
    await page.click('label[for="show-wireframe"]');
    await expect.poll(() => page.locator('#show-wireframe').isChecked()).toBe(true);
    await redrawn();
    const wired = await screenshot(canvas(), 'views-4-wireframe-canvas');
    expect(fractionChanged(plain, wired), 'pixels the wireframe changed').toBeGreaterThan(0.02);
    expect(fractionChanged(contoured, wired), 'the wireframe is not the contours').toBeGreaterThan(0.01);
    await screenshot(page, 'views-4-wireframe');

    // Off again: the plain surface comes back.
    await page.click('label[for="show-wireframe"]');
    await redrawn();
    expect(fractionChanged(plain, await screenshot(canvas(), 'views-4-plain-again-canvas'))).toBeLessThan(0.002);
  });

  it('shows the heatmap view with the path, its axes and a colour bar with values', async () => {
    await page.click('#view-heatmap');
    const heatmap = page.locator('.contour[data-view="heatmap"][data-state="ready"]');
    await waitFor(page, heatmap);
    expect(await heatmap.getAttribute('data-levels')).toBe('0');
    expect(await page.locator('#show-contours').count(), 'the 3D switches leave with the 3D view').toBe(0);
    const png = await screenshot(heatmap.locator('svg'), 'views-5-heatmap-plot');
    const magma = coverage(png, 'magma');
    expect(magma.bands, 'magma bands in the heatmap').toBeGreaterThanOrEqual(4);
    // One image pixel per grid point, filling the plot's square in magma's colours.
    expect(await heatmap.locator('canvas').evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([41, 41]);
    const plane = await screenshot(heatmap.locator('.contour__plane'), 'views-5-heatmap-plane');
    const filled = colormapBandCounts(plane, 'magma', 8, 12).reduce((a, b) => a + b, 0);
    expect(filled / (plane.width * plane.height), 'the part of the square in magma’s colours').toBeGreaterThan(0.95);
    expect(countNear(png, PATH, 40) + countNear(png, PLAYBACK, 40), 'the path and its marker').toBeGreaterThan(10);
    expect(await heatmap.locator('.plot__tick').count(), 'α and β ticks').toBeGreaterThanOrEqual(6);
    expect(await heatmap.locator('.contour__axis').allTextContents()).toEqual(['α', 'β']);
    const bar = page.locator('.colorbar');
    expect(Number((await bar.getAttribute('data-min'))!.replace('−', '-'))).toBeGreaterThan(0);
    expect(await bar.locator('.colorbar__tick').count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'views-5-heatmap');

    // The contour view draws lines over the same colours; the heatmap follows the colormap too.
    await page.click('#view-contour');
    await waitFor(page, page.locator('.contour[data-view="contour"][data-state="ready"]'));
    await page.selectOption('#colormap', 'cividis');
    await page.click('#view-heatmap');
    await waitFor(page, page.locator('.contour[data-view="heatmap"][data-colormap="cividis"]'));
    const cividis = await screenshot(page.locator('.contour svg'), 'views-6-heatmap-cividis-plot');
    expect(coverage(cividis, 'cividis').bands).toBeGreaterThanOrEqual(4);
    expect(coverage(cividis, 'cividis').pixels).toBeGreaterThan(2 * coverage(cividis, 'magma').pixels);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
