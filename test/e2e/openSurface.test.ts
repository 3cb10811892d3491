// Opening what was computed elsewhere, end to end. A surface imported from Li et al.'s
// loss-landscape (as `losscape import li.h5` writes it, with a path added) opens through the
// file chooser without a run, shows in 3D, contour and heatmap, exports through the Export
// menu, and a project saved afterwards keeps it and reopens it; a loss-landscape .h5 opens
// too; a damaged file is refused, changing nothing. A model trained elsewhere (ONNX) opens as
// the current run, its landscape is sliced, and sliced again along the directions of a file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromLossLandscape } from '../../engine/io/import/h5Surface.js';
import { readProjectFile } from '../../engine/io/projectFile.js';
import type { SurfaceFile } from '../../engine/io/surfaceFile.js';
import { openAppPage, openSection, waitFor } from './appSteps.js';
import { screenshot, useWebAppInChromium } from './browser.js';
import { countNear, fractionUnlike, hexRgb } from './pixels.js';

const env = useWebAppInChromium();
const dir = mkdtempSync(join(tmpdir(), 'losscape-open-surface-'));

/** A 41 × 31 valley from loss-landscape's datasets (y slowest, accuracies in percent), with a path down to its floor. */
function valleyFile(): SurfaceFile {
  const x = Array.from({ length: 41 }, (_, i) => -1 + i / 20);
  const y = Array.from({ length: 31 }, (_, j) => -0.75 + j / 20);
  const loss = (a: number, b: number) => 0.1 + (a - 0.2) ** 2 + 4 * (b + 0.1) ** 2 + 0.15 * Math.sin(5 * a) * Math.cos(4 * b);
  const points = y.flatMap((b) => x.map((a) => [a, b]));
  const file = fromLossLandscape({
    xcoordinates: { shape: [41], data: x },
    ycoordinates: { shape: [31], data: y },
    train_loss: { shape: [41, 31], data: points.map(([a, b]) => loss(a, b)) },
    train_acc: { shape: [41, 31], data: points.map(([a, b]) => 100 / (1 + loss(a, b))) },
  }) as SurfaceFile;
  const trajectory = Array.from({ length: 12 }, (_, k) => {
    const t = 1 - k / 11;
    const [alpha, beta] = [0.2 - 0.7 * t * Math.cos(3 * t), -0.1 + 0.5 * t * Math.sin(3 * t)];
    return { step: k * 10, alpha, beta, loss: loss(alpha, beta), planeLoss: loss(alpha, beta), distance: 0 };
  });
  return { ...file, trajectory };
}

describe('a surface file opened in the app', () => {
  let page: Page;
  let problems: string[];
  const viewer = () => page.locator('#landscape-viewer[data-state="ready"]');

  /** Picks `path` in the Open surface chooser. */
  async function openSurface(path: string): Promise<void> {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#surface-open')]);
    await chooser.setFiles(path);
  }

  beforeAll(async () => {
    ({ page, problems } = await openAppPage(env));
  });
  afterAll(async () => {
    await page?.close();
  });

  it('shows the surface and its path in 3D, contour and heatmap, without a run', async () => {
    const path = join(dir, 'li-valley.json');
    writeFileSync(path, JSON.stringify(valleyFile()));
    await openSurface(path);
    await expect.poll(() => page.locator('#project-status').innerText()).toBe('opened the surface li-valley.json');
    await waitFor(page, page.locator('#landscape-viewer[data-state="ready"][data-kind="3d"][data-trajectory-points="12"][data-rows="41"]'));
    expect(await page.locator('.toolbar').innerText()).toContain('li-valley.json · 41 × 31 · loss-landscape (.h5) · train split · no run');
    expect(await page.locator('#opened-surface').innerText()).toMatch(/opened without its run/);
    await page.waitForTimeout(300);
    const canvas = await screenshot(page.locator('#landscape-viewer canvas'), 'open-surface-1-3d-canvas');
    expect(fractionUnlike(canvas, hexRgb('#0d1017')), 'the part covered by the surface').toBeGreaterThan(0.05);
    expect(countNear(canvas, hexRgb('#ff5c8a'), 40), 'pixels of the path').toBeGreaterThan(20);
    await screenshot(page, 'open-surface-1-3d');
    for (const kind of ['contour', 'heatmap']) {
      await page.click(`#view-${kind}`);
      await waitFor(page, page.locator(`#landscape-viewer[data-state="ready"][data-kind="${kind}"]`));
      const shot = await screenshot(page.locator('#landscape-viewer'), `open-surface-2-${kind}`);
      expect(countNear(shot, hexRgb('#ff5c8a'), 40), `pixels of the path on the ${kind} view`).toBeGreaterThan(20);
    }
    await page.click('#view-3d');
    await waitFor(page, page.locator('#landscape-viewer[data-state="ready"][data-kind="3d"]'));
  });

  it('exports the opened surface through the Export menu, and saves a project afterwards', async () => {
    await page.locator('#export-menu summary').click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const csvPath = join(dir, 'export.csv');
    await csv.saveAs(csvPath);
    const lines = readFileSync(csvPath, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1 + 41 * 31);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg-contour')]);
    const svgPath = join(dir, 'export.svg');
    await svg.saveAs(svgPath);
    expect(readFileSync(svgPath, 'utf8')).toMatch(/^<svg|^<\?xml/);
    await page.locator('#export-menu summary').click();

    const [saved] = await Promise.all([page.waitForEvent('download'), page.click('#project-save')]);
    const projectPath = join(dir, 'project.npz');
    await saved.saveAs(projectPath);
    const project = readProjectFile(readFileSync(projectPath));
    expect(project).toMatchObject({ format: 'losscape.project/1', runs: [], state: { results: { training: null, surface: 0, opened: 'li-valley.json' } } });
    expect(project.surfaces).toHaveLength(1);
    expect(project.surfaces[0].alpha).toHaveLength(41);
    await expect.poll(() => page.locator('#project-status').innerText()).toBe('project saved');
    await waitFor(page, viewer());

    // The project brings the opened surface back, as opened.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#project-open')]);
    await chooser.setFiles(projectPath);
    await expect.poll(() => page.locator('#project-status').innerText()).toBe('opened project.npz');
    await waitFor(page, page.locator('#landscape-viewer[data-state="ready"][data-kind="3d"][data-trajectory-points="12"][data-rows="41"]'));
    expect(await page.locator('.toolbar').innerText()).toContain('li-valley.json · 41 × 31');
  });

  it('opens a loss-landscape .h5 file, read with h5wasm in the export worker', async () => {
    await openSurface(fileURLToPath(new URL('../engine/io/fixtures/loss_landscape.h5', import.meta.url)));
    await expect.poll(() => page.locator('#project-status').innerText(), { timeout: 30_000 }).toBe('opened the surface loss_landscape.h5');
    await waitFor(page, page.locator('#landscape-viewer[data-state="ready"][data-kind="3d"][data-trajectory-points="0"][data-rows="5"]'));
    expect(await page.locator('.toolbar').innerText()).toContain('loss_landscape.h5 · 5 × 4 · loss-landscape (.h5)');
    await page.waitForTimeout(300);
    const canvas = await screenshot(page.locator('#landscape-viewer canvas'), 'open-surface-3-h5-canvas');
    expect(fractionUnlike(canvas, hexRgb('#0d1017')), 'the part covered by the surface').toBeGreaterThan(0.05);
  });

  it('refuses a damaged surface file with a clear error and keeps the surface shown', async () => {
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, JSON.stringify({ ...valleyFile(), format: 'losscape.surface/9' }));
    await openSurface(corrupt);
    const status = page.locator('#project-status[data-error="true"]');
    await status.waitFor();
    expect(await status.innerText()).toBe('Could not open the surface: this is not a losscape.surface/1 file (format: "losscape.surface/9")');
    await waitFor(page, page.locator('#landscape-viewer[data-state="ready"][data-trajectory-points="0"][data-rows="5"]'));
    await screenshot(page, 'open-surface-4-refused');
    // The whole message shows, inside the window, until dismissed.
    const box = (await page.locator('.project-alert').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1440);
    expect(await status.evaluate((e) => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight)).toBe(true);
    await page.click('#project-status-dismiss');
    expect(await page.locator('.project-alert').count()).toBe(0);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('opens an ONNX model trained elsewhere on the Data panel’s data, and slices its landscape', async () => {
    // The model takes Iris's four features, without the constant input.
    for (const feature of [0, 1]) await page.check(`input[data-feature="${feature}"]`);
    if (await page.isChecked('#constant-input')) await page.click('label[for="constant-input"]');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#model-open')]);
    await chooser.setFiles(fileURLToPath(new URL('../engine/io/fixtures/mlp.onnx', import.meta.url)));
    await expect.poll(() => page.locator('#project-status').innerText()).toBe('opened the model mlp.onnx');
    expect(await page.locator('#run-opened').innerText()).toMatch(/^Opened from mlp\.onnx, not trained here/);
    expect(await page.locator('.curves--empty').innerText()).toBe('mlp.onnx was opened without its training: there are no curves to show.');
    await openSection(page, 'landscape');
    await page.click('#compute');
    await waitFor(page, page.locator('#landscape-viewer[data-state="ready"][data-kind="3d"][data-trajectory-points="0"]'));
    const canvas = await screenshot(page.locator('#landscape-viewer canvas'), 'open-surface-5-model-canvas');
    expect(fractionUnlike(canvas, hexRgb('#0d1017')), 'the part covered by the surface').toBeGreaterThan(0.05);
    await screenshot(page, 'open-surface-5-model');
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('slices the model again along the directions of its exported surface file: the same surface; a file without directions is refused', async () => {
    const range = () => Promise.all([page.getAttribute('.colorbar', 'data-min'), page.getAttribute('.colorbar', 'data-max')]);
    const before = await range();
    await page.locator('#export-menu summary').click();
    const [exported] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const path = join(dir, 'model-surface.json');
    await exported.saveAs(path);
    await page.locator('#export-menu summary').click();
    const sliceAlong = async (file: string) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#directions-open')]);
      await chooser.setFiles(file);
    };
    await sliceAlong(path);
    // The caption changes as the new surface starts; its scan then fills in.
    await expect.poll(() => page.locator('.toolbar').innerText()).toContain('directions from model-surface.json');
    await waitFor(page, page.locator('.scan[data-status="ready"]'));
    await expect.poll(range).toEqual(before);

    const bad = join(dir, 'no-directions.json');
    writeFileSync(bad, JSON.stringify({ format: 'losscape.surface/1', alpha: [0] }));
    await sliceAlong(bad);
    expect(await page.locator('#directions-error').innerText()).toBe('no-directions.json needs "directions": [[…], […]], two lists of finite numbers (a surface file has them)');
    expect(await page.locator('.toolbar').innerText()).toContain('directions from model-surface.json');
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
