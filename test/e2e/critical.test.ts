// The critical-point search end to end: the one-click example trains seed-iris-wd, refines θ*
// by saddle-free Newton to a true minimum and marks it on the surface, with the 16 directions
// held by the weight decay alone and the line on why seed-iris has no minimum; seed-iris itself
// finds none and keeps θ*; Levenberg–Marquardt from seed-iris-wd ends at a saddle, which the
// panel explains and slices along its eigenvectors in one click.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MARKER_COLORS } from '../../renderer/landscape/markers.js';
import { openSection, trainPreset, useAppPage, waitFor } from './appSteps.js';
import { screenshot, useWebAppInChromium } from './browser.js';
import { countNear, hexRgb } from './pixels.js';

const env = useWebAppInChromium();

describe('critical points: a true minimum, none, and a saddle', () => {
  let page: Page;
  let problems: string[];
  useAppPage(env, (opened) => ({ page, problems } = opened), { width: 1440, height: 1100 });

  it('shows a true minimum in one click: seed-iris-wd trained, refined and marked on its surface', async () => {
    await openSection(page, 'critical');
    await expect.poll(() => page.locator('#no-minimum-why').innerText()).toMatch(/^Why seed-iris itself has no minimum: its logistic units saturate/);
    await page.click('#example-minimum');
    await waitFor(page, page.locator('#critical-result[data-converged="true"][data-kind="minimum"]'));
    expect(Number(await page.locator('#critical-result').getAttribute('data-gradient-norm'))).toBeLessThanOrEqual(1e-10);
    expect(await page.locator('#critical-result').innerText()).toMatch(/^Found a minimum in \d+ iterations: ‖∇L‖ \S+ → \S+\. It is now the run’s θ\*\.$/);
    expect(await page.locator('#preset').inputValue()).toBe('seed-iris-wd');
    expect(await page.locator('#run-refined').innerText()).toMatch(/^θ\* refined by saddle-free Newton to ‖∇L‖ = \d\.\d\de-1\d in \d+ iterations/);

    const classification = page.locator('.classification[data-kind="minimum"]');
    await waitFor(page, classification);
    expect(await classification.innerText()).toMatch(/θ\* is a minimum/);
    expect(await classification.getAttribute('data-index')).toBe('0');
    expect(await page.locator('#penalty-floor').getAttribute('data-count')).toBe('16');
    expect(await page.locator('#penalty-floor').innerText()).toMatch(/^16 eigenvalues equal the weight decay λ = 0\.001/);
    expect(await page.locator('#classification-meaning').count()).toBe(0);
    await screenshot(page.locator('[data-section="critical"]'), 'critical-1-minimum-panel');

    await waitFor(page, page.locator('#landscape-viewer[data-state="ready"][data-markers~="minimum"]'));
    const png = await screenshot(page.locator('#landscape-viewer canvas'), 'critical-2-minimum-marker-canvas');
    expect(countNear(png, hexRgb(MARKER_COLORS.minimum), 40), 'the minimum’s marker').toBeGreaterThan(30);
    await screenshot(page, 'critical-2-minimum-marker');
  });

  it('seed-iris without weight decay: no critical point found, says why, and θ* stays as trained', async () => {
    await trainPreset(page, 'seed-iris');
    await page.click('#critical-refine');
    await waitFor(page, page.locator('#critical-result[data-converged="false"]'), 120_000);
    const text = await page.locator('#critical-result').innerText();
    expect(text).toMatch(/^Not converged: no critical point within 200 iterations/);
    expect(text).toMatch(/the loss may have no minimum at finite parameters \(separable data, saturating units\)/);
    expect(text).toMatch(/θ\* is unchanged\.$/);
    expect(await page.locator('#run-refined').count()).toBe(0);
    await screenshot(page.locator('[data-section="critical"]'), 'critical-3-no-minimum-panel');
  });

  it('LM from seed-iris-wd ends at a saddle: the panel says what it means and slices along its eigenvectors', async () => {
    await trainPreset(page, 'seed-iris-wd');
    await page.selectOption('#critical-method', 'auto');
    await page.click('#critical-refine');
    await waitFor(page, page.locator('#critical-result[data-converged="true"][data-kind="saddle"]'), 120_000);
    const classification = page.locator('.classification[data-kind="saddle"]');
    await waitFor(page, classification);
    const index = Number(await classification.getAttribute('data-index'));
    expect(index).toBeGreaterThan(0);
    const meaning = await page.locator('#classification-meaning').innerText();
    expect(meaning).toMatch(new RegExp(`^A saddle: the loss falls along ${index} directions of negative curvature\\. The eigen-slice’s α axis is the steepest of them \\(λ = −\\S+\\): along α the surface curves down, along β \\(λ = \\S+\\) up\\.$`));
    await page.click('#slice-eigenvectors');
    await waitFor(page, page.locator('#landscape-viewer[data-state="ready"][data-markers~="saddle"]'));
    await expect.poll(() => page.locator('.landscape-view').innerText()).toMatch(/Hessian eigenvectors \(λ = -\S+, \S+; saddle\)/);
    const png = await screenshot(page.locator('#landscape-viewer canvas'), 'critical-4-saddle-slice-canvas');
    expect(countNear(png, hexRgb(MARKER_COLORS.saddle), 40), 'the saddle’s marker').toBeGreaterThan(30);
    await screenshot(page, 'critical-4-saddle-slice');
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
