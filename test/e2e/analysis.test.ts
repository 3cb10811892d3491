// Critical points and symmetries end to end: train seed-iris briefly, compute a surface, the
// Hessian spectrum at θ* with its classification and a marker on the surface (3D and contour),
// the slice along the curvature directions; then a permutation of the hidden units leaves the
// loss unchanged, a flip of a logistic unit without biases is refused, and a slice through θ*
// and its image shows both equivalent minima.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKER_COLORS } from '../../renderer/landscape/markers.js';
import { collectPageProblems, screenshot, useWebAppInChromium } from './browser.js';
import { countNear, hexRgb } from './pixels.js';

const MINIMUM = hexRgb(MARKER_COLORS.minimum);
const SADDLE = hexRgb(MARKER_COLORS.saddle);
const IMAGE = hexRgb(MARKER_COLORS.image);

const env = useWebAppInChromium();

async function openSection(page: Page, id: string): Promise<void> {
  const section = page.locator(`[data-section="${id}"]`);
  if ((await section.getAttribute('data-open')) !== 'true') await section.locator('.section__header').click();
}

async function waitFor(page: Page, locator: Locator, timeout = 60_000): Promise<void> {
  try {
    await locator.waitFor({ timeout });
  } catch (error) {
    const alerts = await page.locator('[role="alert"]').allInnerTexts();
    throw new Error(`${(error as Error).message}\napp alerts: ${alerts.join(' | ') || 'none'}`);
  }
}

describe('critical points and symmetries on seed-iris', () => {
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    page = await env.browser.newPage({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
    problems = collectPageProblems(page);
    await page.goto(env.app.url);
  });

  afterAll(async () => {
    await page?.close();
  });

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
});
