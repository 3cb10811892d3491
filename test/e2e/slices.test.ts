// The 2D and 1D views around training: decision regions over Two moons that change as the
// network trains, and the line plot from the initial to the trained parameters.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CLASS_COLORS } from '../../renderer/state/options.js';
import { openSection, trainPreset, useAppPage, waitFor } from './appSteps.js';
import { screenshot, useWebAppInChromium } from './browser.js';
import { countNear, fractionChanged, hexRgb } from './pixels.js';

// The line plot's colours (renderer/views/TrainingCurves.tsx: TRAIN_COLOR, TEST_COLOR).
const LOSS_LINE = hexRgb('#35b779');
const ACCURACY_LINE = hexRgb('#f28e2b');

const env = useWebAppInChromium();

describe('decision regions and line plots', () => {
  let page: Page;
  let problems: string[];
  useAppPage(env, (opened) => ({ page, problems } = opened));

  it('colours the Two moons plane by the predicted class, live while the network trains', async () => {
    await page.selectOption('#dataset', 'synthetic:moons');
    const scatter = page.locator('.scatter[data-state="ready"]');
    await waitFor(page, scatter);
    expect(await scatter.getAttribute('data-regions')).toBe('none');
    const before = await screenshot(scatter.locator('svg'), 'slices-1-moons-data');
    // Minibatches for far longer than the test waits: it is paused early on, resumed, and stopped.
    await page.selectOption('#optimizer', 'adam');
    await page.fill('#lr', '0.01');
    await page.locator('#full-batch').setChecked(false, { force: true });
    await page.fill('#batch-size', '16');
    await page.fill('#epochs', '100000');
    await page.click('#train-run');
    await waitFor(page, page.locator('.scatter[data-regions="shown"]'));
    await page.click('#train-pause');
    await waitFor(page, page.locator('.training[data-status="paused"]'));
    await page.waitForTimeout(300);
    const early = await screenshot(scatter.locator('svg'), 'slices-2-regions-early');
    const earlyStep = Number(await page.locator('.training').getAttribute('data-step'));
    expect(earlyStep).toBeGreaterThan(0);
    await page.click('#train-pause');
    await page.waitForTimeout(3000);
    await page.click('#train-pause');
    await waitFor(page, page.locator('.training[data-status="paused"]'));
    await page.waitForTimeout(400);
    expect(Number(await page.locator('.training').getAttribute('data-step'))).toBeGreaterThan(earlyStep);
    const trained = await screenshot(scatter.locator('svg'), 'slices-3-regions-trained');
    await screenshot(page, 'slices-3-regions-page');
    await page.click('#train-stop');
    await waitFor(page, page.locator('.training[data-status="stopped"]'));
    // Regions appeared behind the points, and they moved while training went on.
    expect(fractionChanged(before, early), 'the regions appear').toBeGreaterThan(0.3);
    expect(fractionChanged(early, trained), 'the regions change as it trains').toBeGreaterThan(0.02);
    // Both classes own part of the plane: the translucent class colours over the dark background.
    const tinted = (hex: string) => {
      const [r, g, b] = hexRgb(hex);
      const [br, bg, bb] = hexRgb('#0d1017');
      const a = 0.6;
      return [Math.round(r * a + br * (1 - a)), Math.round(g * a + bg * (1 - a)), Math.round(b * a + bb * (1 - a))] as [number, number, number];
    };
    for (const color of CLASS_COLORS.slice(0, 2)) expect(countNear(trained, tinted(color), 30), color).toBeGreaterThan(1500);
  });

  it('plots the loss and accuracy from the initial to the trained parameters', async () => {
    await trainPreset(page, 'seed-iris');
    await openSection(page, 'landscape');
    await page.click('#slice-line');
    await expect.poll(() => page.locator('#line-path').inputValue()).toBe('interpolation');
    await expect.poll(() => page.locator('#t-min').inputValue()).toBe('-0.5');
    await page.click('#compute-line');
    const viewer = page.locator('#line-viewer[data-state="ready"]');
    await waitFor(page, viewer);
    expect(await viewer.getAttribute('data-points')).toBe('101');
    expect(await page.locator('[data-section="landscape"] .scan').getAttribute('data-points')).toBe('101');
    // Labelled axes: what is plotted, and what t means.
    const loss = page.locator('#line-loss');
    await expect.poll(() => loss.locator('.plot__title').innerHTML()).toContain('Loss L(θ₀ + t·(θ* − θ₀))');
    expect(await loss.locator('.plot__axis-title').innerHTML()).toContain('0 = initial θ₀, 1 = trained θ*');
    expect(await page.locator('#line-accuracy .plot__title').innerHTML()).toContain('Accuracy');
    expect(await loss.locator('.plot__tick').count()).toBeGreaterThan(5);
    const lossPng = await screenshot(loss.locator('svg'), 'slices-4-line-loss');
    const accuracyPng = await screenshot(page.locator('#line-accuracy svg'), 'slices-4-line-accuracy');
    expect(countNear(lossPng, LOSS_LINE, 40), 'the loss curve').toBeGreaterThan(300);
    expect(countNear(accuracyPng, ACCURACY_LINE, 40), 'the accuracy curve').toBeGreaterThan(300);
    await screenshot(page, 'slices-4-line');

    // Along direction 1 through θ*: the range becomes symmetric, and the plot is redrawn.
    await page.selectOption('#line-path', 'direction');
    await expect.poll(() => page.locator('#t-min').inputValue()).toBe('-1');
    await page.click('#compute-line');
    await waitFor(page, page.locator('#line-viewer[data-state="ready"]'));
    await expect.poll(() => loss.locator('.plot__title').innerHTML()).toContain('L(θ* + t·d₁)');
    await screenshot(page, 'slices-5-line-direction');
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
