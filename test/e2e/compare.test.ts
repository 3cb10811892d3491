// Comparing three runs (Xavier vs He vs orthogonal initialization): three surfaces on one
// colour scale, a table with a column per run, and cameras that orbit together; a project file
// brings back the comparison and the orbited cameras without training again.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readProjectFile } from '../../engine/io/projectFile.js';
import { openSection, trainPreset, useAppPage, waitFor } from './appSteps.js';
import { screenshot, useWebAppInChromium } from './browser.js';
import { colormapBandCounts, fractionChanged, fractionUnlike, hexRgb } from './pixels.js';

const env = useWebAppInChromium();
const SIDES = ['a', 'b', 'c'];

describe('comparing three initializers', () => {
  let page: Page;
  let problems: string[];
  useAppPage(env, (opened) => ({ page, problems } = opened));

  const canvasesOf = (sides: string[]) => sides.map((side) => `#compare-${side} canvas`);

  /** Drags across the middle of `canvas` to orbit its camera. */
  async function orbit(canvas: string, dx: number, dy: number): Promise<void> {
    const box = (await page.locator(canvas).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy, { steps: 12 });
    await page.mouse.up();
  }

  /**
   * The cameras of `canvases` once they have stopped moving: the same over a second (the damping eases out over slow
   * software-rendered frames). All are read in one snapshot, so a view copying another a frame late cannot tear it.
   */
  async function restingCameras(canvases: string[]): Promise<string[]> {
    const snapshot = () => page.evaluate((selectors) => selectors.map((sel) => document.querySelector(sel)?.getAttribute('data-camera') ?? '').join(' '), canvases);
    const seen: string[] = [];
    while (seen.length < 3 || new Set(seen.slice(-3)).size > 1) {
      await page.waitForTimeout(500);
      seen.push(await snapshot());
    }
    return seen.at(-1)!.split(' ');
  }
  const restingCamera = async (canvas: string) => (await restingCameras([canvas]))[0]!;

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
    const start = await restingCameras(canvasesOf(SIDES));
    expect(start[0]).toMatch(/^-?\d+\.\d{3},-?\d+\.\d{3},-?\d+\.\d{3}$/);
    expect(new Set(start).size).toBe(1);
    const before = await screenshot(page.locator('#compare-c canvas'), 'compare-2-c-before');
    await orbit('#compare-a canvas', 160, 30);
    const moved = await restingCameras(canvasesOf(SIDES));
    expect(moved[0]).not.toBe(start[0]);
    expect(moved[1]).toBe(moved[0]);
    expect(moved[2]).toBe(moved[0]);
    const after = await screenshot(page.locator('#compare-c canvas'), 'compare-2-c-after');
    expect(fractionChanged(before, after), 'run C was redrawn from the new angle').toBeGreaterThan(0.03);
    await screenshot(page, 'compare-2-orbited');
    // The camera presets still apply to all: Top puts every view above the surfaces.
    await page.click('#camera-top');
    const top = await restingCameras(canvasesOf(SIDES));
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

  // Longer than the others: software-rendered frames are slow, and an orbit's damping takes over a hundred of them to come to rest.
  it('saves the comparison and the orbited cameras in a project, and reopens them exactly without training', async () => {
    const four = ['a', 'b', 'c', 'd'];
    const canvases = canvasesOf(four);
    const losses = () => page.locator('.compare-table tr', { hasText: 'final loss' }).locator('td').allInnerTexts();
    // Upwards: off the top preset's view, which the orbit turns about its axis only.
    await orbit(canvases[0], -120, -40);
    const compareCamera = await restingCamera(canvases[0]);
    // An orbited view is no preset's: none of their buttons shows pressed.
    await expect.poll(() => page.locator('[id^="camera-"][aria-pressed="true"]').count()).toBe(0);
    expect(await Promise.all(canvases.map((c) => page.locator(c).getAttribute('data-camera')))).toEqual(four.map(() => compareCamera));
    const lossesBefore = await losses();
    const viewBefore = await screenshot(page.locator(canvases[1]), 'compare-4-b-saved');

    // The Landscape tab's own view: a surface of the current run, orbited another way.
    await page.click('#tab-landscape');
    await page.click('#compute');
    await waitFor(page, page.locator('#landscape-viewer[data-state="ready"][data-kind="3d"]'));
    await orbit('#landscape-viewer canvas', 150, -60);
    const landscapeCamera = await restingCamera('#landscape-viewer canvas');
    expect(landscapeCamera).not.toBe(compareCamera);
    // Orbited views stay put across tabs.
    await page.click('#tab-compare');
    await waitFor(page, page.locator('#compare-d[data-state="ready"]'));
    expect(await page.locator(canvases[3]).getAttribute('data-camera')).toBe(compareCamera);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#project-save')]);
    const path = join(mkdtempSync(join(tmpdir(), 'losscape-compare-')), 'compare-project.npz');
    await download.saveAs(path);
    const saved = readProjectFile(readFileSync(path));
    const state = saved.state as { results: { compare: { sides: { label: string }[] } }; view: { cameraViews: Record<string, { position: number[] }> } };
    expect(saved.format).toBe('losscape.project/1');
    // The Train panel's run (plain gradient descent) and the four compared, with their surfaces.
    expect(saved.runs).toHaveLength(5);
    expect(saved.surfaces).toHaveLength(5);
    expect(state.results.compare.sides.map((side) => side.label)).toEqual(['optimizer: sgd', 'optimizer: momentum', 'optimizer: rmsprop', 'optimizer: adam']);
    const shown = (view: { position: number[] }) => view.position.map((v) => v.toFixed(3)).join(',');
    expect(shown(state.view.cameraViews.compare)).toBe(compareCamera);
    expect(shown(state.view.cameraViews.landscape)).toBe(landscapeCamera);

    // Move on: another preset, and another comparison, cancelled.
    await page.click('#camera-iso');
    await expect.poll(() => page.locator(canvases[0]).getAttribute('data-camera')).not.toBe(compareCamera);
    expect(await page.getAttribute('#camera-iso', 'aria-pressed')).toBe('true');
    await page.selectOption('#compare-variant', 'lr-down');
    await page.click('#compare-run');
    await page.click('#compare-cancel');
    await waitFor(page, page.locator('.compare[data-state="cancelled"] .compare__sides[data-count="2"]'));

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#project-open')]);
    await chooser.setFiles(path);
    await expect.poll(() => page.locator('#project-status').innerText()).toMatch(/opened compare-project\.npz/);
    // Finished at once: the runs and surfaces come from the file.
    await waitFor(page, page.locator('.compare[data-state="ready"] .compare__sides[data-count="4"]'), 5_000);
    for (const side of four) await waitFor(page, page.locator(`#compare-${side}[data-state="ready"][data-kind="3d"]`), 10_000);
    expect(await page.locator('.compare__progress').allInnerTexts()).toEqual(four.map(() => 'surface ready'));
    expect(await page.locator('.compare-table__changed td').allInnerTexts()).toEqual(['sgd', 'momentum', 'rmsprop', 'adam']);
    expect(await losses()).toEqual(lossesBefore);
    expect(await page.inputValue('#compare-variant')).toBe('optimizers');
    expect(await Promise.all(canvases.map((c) => page.locator(c).getAttribute('data-camera')))).toEqual(four.map(() => compareCamera));
    await screenshot(page, 'compare-4-reopened');
    const viewAfter = await screenshot(page.locator(canvases[1]), 'compare-4-b-reopened');
    expect(fractionUnlike(viewAfter, hexRgb('#0d1017')), 'run B is drawn').toBeGreaterThan(0.04);
    expect(fractionChanged(viewBefore, viewAfter), 'run B is drawn from the saved angle').toBeLessThan(0.01);

    await page.click('#tab-landscape');
    await waitFor(page, page.locator('#landscape-viewer[data-state="ready"][data-kind="3d"]'), 10_000);
    expect(await page.locator('#landscape-viewer canvas').getAttribute('data-camera')).toBe(landscapeCamera);
    await screenshot(page, 'compare-5-reopened-landscape');
    expect(problems, problems.join('\n')).toEqual([]);
  }, 180_000);
});
