// Critical points and symmetries end to end: train seed-iris briefly, compute a surface, the
// Hessian spectrum at θ* with its classification and a marker on the surface (3D and contour),
// the slice along the curvature directions, sharpness over training; then a permutation of the hidden units leaves the
// loss unchanged, a flip of a logistic unit without biases is refused, and a slice through θ*
// and its image shows both equivalent minima; the paths from θ* to its image (straight,
// aligned, Bezier) with their barriers, and the plane through θ*, the image and the curve's
// control point.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MARKER_COLORS } from '../../renderer/landscape/markers.js';
import { PATHS } from '../../renderer/plots/pathsSeries.js';
import { openSection, useAppPage, waitFor } from './appSteps.js';
import { screenshot, useWebAppInChromium } from './browser.js';
import { countNear, hexRgb } from './pixels.js';

const MINIMUM = hexRgb(MARKER_COLORS.minimum);
const SADDLE = hexRgb(MARKER_COLORS.saddle);
const IMAGE = hexRgb(MARKER_COLORS.image);
const THIRD = hexRgb(MARKER_COLORS.third);

const env = useWebAppInChromium();

describe('critical points and symmetries on seed-iris', () => {
  let page: Page;
  let problems: string[];
  useAppPage(env, (opened) => ({ page, problems } = opened), { width: 1440, height: 1000 });

  it('trains seed-iris briefly and computes its surface', async () => {
    await page.selectOption('#preset', 'seed-iris');
    await page.fill('#epochs', '60');
    await page.click('#train-run');
    await waitFor(page, page.locator('.training[data-status="done"]'));
    await page.selectOption('#resolution', '31');
    await page.click('#compute');
    await waitFor(page, page.locator('#landscape-viewer[data-state="ready"][data-kind="3d"]'));
  });

  it('computes the Hessian spectrum, classifies θ* and marks it on the surface', async () => {
    await openSection(page, 'critical');
    // Cancel terminates the analysis worker while it still starts; the next job gets a new one.
    // (A string, not a function: the test runner's transpiler would add helpers the page lacks.)
    await page.evaluate(`(async () => {
      document.querySelector('#spectrum-compute').click();
      await new Promise((resolve) => setTimeout(resolve, 30));
      document.querySelector('#spectrum-cancel').click();
    })()`);
    await waitFor(page, page.locator('.spectrum[data-status="cancelled"]'), 10_000);
    expect(await page.locator('.classification').count()).toBe(0);
    await page.click('#spectrum-compute');
    const classification = page.locator('.classification');
    await waitFor(page, classification);
    const kind = (await classification.getAttribute('data-kind'))!;
    expect(['minimum', 'saddle', 'degenerate', 'maximum']).toContain(kind);
    const text = await classification.innerText();
    expect(text).toMatch(/(θ\* is a|curvature of a) (minimum|saddle of index ≥? ?\d+|degenerate|maximum)/);
    expect(text).toMatch(/‖∇L‖ = \S+/);
    expect(text).toMatch(/\d+ near-zero/);
    expect(Number(await page.locator('.spectrum-plot').getAttribute('data-ticks'))).toBeGreaterThanOrEqual(10);
    expect(await page.locator('.spectrum-plot').getAttribute('data-density')).toBe('true');
    await screenshot(page.locator('[data-section="critical"]'), 'analysis-1-critical-panel');

    const viewer = page.locator(`#landscape-viewer[data-state="ready"][data-markers~="${kind}"]`);
    await waitFor(page, viewer);
    const color = kind === 'saddle' ? SADDLE : hexRgb(MARKER_COLORS[kind as 'minimum']);
    const png = await screenshot(page.locator('#landscape-viewer canvas'), 'analysis-2-marker-canvas');
    expect(countNear(png, color, 40), `the ${kind} marker`).toBeGreaterThan(30);
    await screenshot(page, 'analysis-2-marker');

    await page.click('#view-contour');
    await waitFor(page, page.locator('.contour[data-state="ready"]'));
    expect(await page.locator(`.contour__critical[data-kind="${kind}"]`).count()).toBe(1);
    const contour = await screenshot(page.locator('.contour svg'), 'analysis-3-marker-contour');
    expect(countNear(contour, color, 40), `the ${kind} marker on the contours`).toBeGreaterThan(30);
    await page.click('#view-3d');
  });

  it('slices the surface along the Hessian eigenvectors in one click', async () => {
    await page.click('#slice-eigenvectors');
    await waitFor(page, page.locator('#landscape-viewer[data-state="scanning"], #landscape-viewer[data-state="preparing"]'));
    await waitFor(page, page.locator('#landscape-viewer[data-state="ready"][data-kind="3d"]'));
    await expect.poll(() => page.locator('.landscape-view').innerText()).toMatch(/Hessian eigenvectors/);
    const png = await screenshot(page.locator('#landscape-viewer canvas'), 'analysis-4-eigen-slice-canvas');
    expect(countNear(png, MINIMUM, 40) + countNear(png, SADDLE, 40), 'θ*’s marker on the slice').toBeGreaterThan(30);
    await screenshot(page, 'analysis-4-eigen-slice');
  });

  it('plots sharpness λ_max and the Hessian index over training, ending at θ*’s own index', async () => {
    await page.click('#sharpness-compute');
    const summary = page.locator('#sharpness-summary');
    await waitFor(page, summary);
    expect(await summary.getAttribute('data-points')).toBe('25');
    // The last snapshot is θ*: its index is the classification's (both from the full Hessian).
    expect(await summary.getAttribute('data-last-index')).toBe(await page.locator('.classification').getAttribute('data-index'));
    expect(await summary.innerText()).toMatch(/full Hessian · 25 snapshots · at step \d+: λ_max = \d\.\d+, index \d+/);
    expect(Number(await page.locator('#sharpness-lambda').getAttribute('data-points'))).toBe(25);
    expect(Number(await page.locator('#sharpness-index').getAttribute('data-points'))).toBe(25);
    await screenshot(page.locator('.sharpness'), 'analysis-4b-sharpness');
  });

  it('permutes the hidden units: the loss is unchanged, and the count of equivalent optima is 16!', async () => {
    await openSection(page, 'symmetry');
    await page.selectOption('#symmetry-kind', 'permute-random');
    await page.click('#symmetry-apply');
    const result = page.locator('.symmetry');
    await waitFor(page, result);
    expect(await result.innerText()).toMatch(/loss unchanged \(Δ = (0|-?\de-1\d)\)/);
    expect(Math.abs(Number(await result.getAttribute('data-loss-change')))).toBeLessThan(1e-12);
    expect(await result.getAttribute('data-count')).toBe('20922789888000');
    expect(await result.locator('.symmetry__count').innerText()).toBe('20922789888000');
    await screenshot(page.locator('[data-section="symmetry"]'), 'analysis-5-symmetry-panel');
  });

  it('refuses a sign flip of a logistic unit without biases, saying why', async () => {
    await page.selectOption('#symmetry-kind', 'flip');
    await page.click('#symmetry-apply');
    const refusal = page.locator('.symmetry__refusal');
    await waitFor(page, refusal);
    expect((await refusal.innerText()).length).toBeGreaterThan(40);
    await screenshot(page.locator('[data-section="symmetry"]'), 'analysis-6-refusal');
  });

  it('slices through θ* and its image: two equivalent minima in one surface', async () => {
    await page.selectOption('#symmetry-kind', 'permute-random');
    await page.click('#symmetry-apply');
    await waitFor(page, page.locator('.symmetry'));
    await page.click('#slice-image');
    await waitFor(page, page.locator('#landscape-viewer[data-state="ready"][data-kind="3d"][data-markers~="image"]'));
    const png = await screenshot(page.locator('#landscape-viewer canvas'), 'analysis-7-image-slice-canvas');
    expect(countNear(png, IMAGE, 40), 'the image marker').toBeGreaterThan(30);
    await screenshot(page, 'analysis-7-image-slice');
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('plots the loss from θ* to its image: straight, aligned and Bezier, with each barrier', async () => {
    await page.selectOption('#paths-end', 'image');
    await page.click('#paths-compute');
    await waitFor(page, page.locator('.paths[data-status="ready"]'));
    const plot = page.locator('#paths-plot');
    expect(await plot.locator('path[data-series]').count()).toBe(3);
    expect(await plot.getAttribute('data-points')).toBe(String(3 * 41));
    const barrier = async (key: string) => Number(await page.locator(`.paths__barrier[data-path="${key}"]`).getAttribute('data-barrier'));
    const [linear, aligned, curve] = [await barrier('linear'), await barrier('aligned'), await barrier('curve')];
    expect(linear).toBeGreaterThan(0.05); // two equivalent minima, a hill between them
    expect(aligned).toBeLessThan(1e-12); // weight matching undoes the permutation
    expect(curve).toBeLessThan(linear / 5);
    const text = await page.locator('.paths__barriers').innerText();
    expect(text).toMatch(/straight line: barrier \d\.\d+/);
    expect(text).toMatch(/after weight matching: barrier/);
    expect(text).toMatch(/trained Bezier curve: barrier/);
    const png = await screenshot(plot, 'analysis-8-paths-plot');
    for (const p of PATHS) expect(countNear(png, hexRgb(p.color), 40), `the ${p.name} path`).toBeGreaterThan(40);
    await screenshot(page.locator('[data-section="symmetry"]'), 'analysis-8-paths-panel');
  });

  it('slices the plane through θ*, its image and the Bezier control point in one click', async () => {
    await page.selectOption('#paths-third', 'control');
    await page.click('#slice-three');
    await waitFor(page, page.locator('#landscape-viewer[data-state="ready"][data-kind="3d"][data-markers~="image"][data-markers~="third"]'));
    await expect.poll(() => page.locator('.landscape-view').innerText()).toMatch(/plane through θ\* \(0, 0\), θ\*’s symmetry image \(1, 0\), Bezier control point/);
    const png = await screenshot(page.locator('#landscape-viewer canvas'), 'analysis-9-three-point-plane-canvas');
    expect(countNear(png, IMAGE, 40), 'the image marker').toBeGreaterThan(30);
    expect(countNear(png, THIRD, 40), 'the control point marker').toBeGreaterThan(30);
    await screenshot(page, 'analysis-9-three-point-plane');
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('scales the weights in front of batch norm: exact for a = −1, approximate for a = 3 because of ε, and says so', async () => {
    await page.selectOption('#preset', 'moons-batchnorm');
    await page.fill('#epochs', '10');
    await page.click('#train-run');
    await waitFor(page, page.locator('.training[data-status="done"]'));
    await page.selectOption('#symmetry-kind', 'bn-scale');
    await page.fill('#symmetry-unit', '1');
    await page.fill('#symmetry-factor', '-1');
    await page.click('#symmetry-apply');
    await waitFor(page, page.locator('.symmetry[data-exact="true"]'));
    expect(await page.locator('.symmetry').innerText()).toMatch(/loss unchanged/);
    expect(await page.locator('.symmetry__note').count()).toBe(0);
    await page.fill('#symmetry-factor', '3');
    await page.click('#symmetry-apply');
    await waitFor(page, page.locator('.symmetry[data-exact="false"]'));
    expect(await page.locator('.symmetry__note').innerText()).toMatch(/^Not an exact symmetry: approximate because of batch norm's ε = 1e-5: .* exact only without batch norm's ε \(as ε → 0\)\.$/);
    expect(Math.abs(Number(await page.locator('.symmetry').getAttribute('data-loss-change')))).toBeGreaterThan(0);
    await screenshot(page.locator('[data-section="symmetry"]'), 'analysis-10-bn-scale');
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
