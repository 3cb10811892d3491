// The whole workflow end to end, as a new user would go through it: pick Iris, train the
// lecture's preset, compute a filter-normalized surface, look at it in 3D with the path,
// switch to contours, compare batch norm on vs off. Then: the UI stays responsive while a
// long scan runs in the workers, and Cancel stops it.
import type { Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppPage, openSection, useAppPage, waitFor } from './appSteps.js';
import { screenshot, useWebAppInChromium } from './browser.js';
import { countNear, fractionUnlike, hexRgb, viridisBandCounts } from './pixels.js';
import { eventLoopLag, responseTime } from './responsiveness.js';

// Colours the app draws with (renderer/scene/Trajectory.tsx, renderer/state/options.ts, TrainingCurves.tsx).
const PATH = hexRgb('#ff5c8a');
const END = hexRgb('#ff2e4d');
const PLAYBACK = hexRgb('#ff9f1c');
const TRAIN_CURVE = hexRgb('#35b779');
const CLASS_COLORS = ['#4e79a7', '#f28e2b', '#e15759'].map(hexRgb);

const env = useWebAppInChromium();


/** Asserts that a plot shows viridis colours over part of it, from the dark end to the bright end. */
function expectViridis(png: PNG, minBands = 5, minCovered = 0.1): void {
  expect(fractionUnlike(png, hexRgb('#0d1017')), 'the part of the plot covered').toBeGreaterThan(minCovered);
  const bands = viridisBandCounts(png);
  const minimum = png.width * png.height * 0.0005;
  expect(bands.filter((count) => count > minimum).length, `viridis bands ${bands.join(' ')}`).toBeGreaterThanOrEqual(minBands);
}

describe('the workflow: Iris → seed-iris → surface → 3D → contour → compare', () => {
  let page: Page;
  let problems: string[];
  useAppPage(env, (opened) => ({ page, problems } = opened));

  it('previews Iris, coloured by class', async () => {
    await page.selectOption('#dataset', 'builtin:iris');
    const scatter = page.locator('.scatter[data-state="ready"]');
    await waitFor(page, scatter);
    expect(Number(await scatter.getAttribute('data-points'))).toBe(150);
    await expect.poll(() => page.locator('.features input[type="checkbox"]').count()).toBe(4);
    await screenshot(page, 'workflow-1-data');
    const png = await screenshot(scatter.locator('svg'), 'workflow-1-scatter');
    for (const color of CLASS_COLORS) expect(countNear(png, color, 40)).toBeGreaterThan(30);
  });

  it('trains the seed-iris preset, with live loss and accuracy curves', async () => {
    await page.selectOption('#preset', 'seed-iris');
    // The preset picks the petal features and x₀ = 1.
    await expect.poll(() => page.locator('.features input:checked').evaluateAll((inputs) => inputs.map((i) => i.getAttribute('data-feature')))).toEqual(['2', '3']);
    await expect.poll(() => page.locator('#constant-input').isChecked()).toBe(true);
    await expect.poll(() => page.locator('[data-section="model"] .section__summary').innerText()).toBe('P = 96');
    await page.click('#train-run');
    const done = page.locator('.training[data-status="done"]');
    await waitFor(page, done);
    expect(await done.getAttribute('data-step')).toBe('300');
    await expect.poll(() => page.locator('.curves').getAttribute('data-entries')).toBe('301');
    await expect.poll(() => page.locator('.training').innerText()).toMatch(/accuracy 9\d\.\d %/);
    const png = await screenshot(page.locator('#loss-curve svg'), 'workflow-2-loss-curve');
    expect(countNear(png, TRAIN_CURVE, 40)).toBeGreaterThan(150);
    await screenshot(page, 'workflow-2-trained');
  });

  it('computes a filter-normalized surface and draws it in 3D with the trajectory', async () => {
    await expect.poll(() => page.locator('#directions').inputValue()).toBe('random:filter');
    await page.selectOption('#resolution', '41');
    await page.click('#compute');
    const viewer = page.locator('#landscape-viewer[data-state="ready"][data-kind="3d"]');
    await waitFor(page, viewer);
    expect(await page.locator('.scan').getAttribute('data-rows')).toBe('41');
    expect(Number(await viewer.getAttribute('data-trajectory-points'))).toBeGreaterThan(50);
    // The colour bar reads the loss range, with round values between.
    const bar = page.locator('.colorbar');
    expect(Number((await bar.getAttribute('data-min'))!.replace('−', '-'))).toBeGreaterThan(0);
    expect(await bar.locator('.colorbar__tick').count()).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.locator('.axis-label--title').allInnerTexts()).toEqual(expect.arrayContaining(['α', 'β', 'loss']));
    const png = await screenshot(page.locator('#landscape-viewer canvas'), 'workflow-3-surface-canvas');
    expectViridis(png);
    expect(countNear(png, END, 40), 'the red θ* marker').toBeGreaterThan(20);
    // The playback slider moves a marker along the path.
    await page.locator('#playback').fill('400');
    await expect.poll(() => page.locator('.playback').getAttribute('data-step')).not.toBe('300');
    await page.waitForTimeout(300);
    const moved = await screenshot(page.locator('#landscape-viewer canvas'), 'workflow-3-playback-canvas');
    expect(countNear(moved, PLAYBACK, 40), 'the orange playback marker').toBeGreaterThan(10);
    // Hovering the surface reads out (α, β, loss) there.
    await page.locator('#landscape-viewer canvas').hover();
    await expect.poll(() => page.locator('.viewer__readout').innerText().catch(() => '')).toMatch(/^α \S+ · β \S+ · loss \d\S*$/);
    await screenshot(page, 'workflow-3-surface');
  });

  it('switches to the contour view with the projected path', async () => {
    await page.click('#view-contour');
    const contour = page.locator('.contour[data-state="ready"]');
    await waitFor(page, contour);
    expect(Number(await contour.getAttribute('data-levels'))).toBeGreaterThanOrEqual(5);
    expect(Number(await contour.getAttribute('data-segments'))).toBeGreaterThan(50);
    const png = await screenshot(contour.locator('svg'), 'workflow-4-contour-plot');
    expectViridis(png);
    expect(countNear(png, PATH, 40) + countNear(png, PLAYBACK, 40), 'the path and its marker').toBeGreaterThan(10);
    await screenshot(page, 'workflow-4-contour');
  });

  it('compares batch norm on vs off on one colour scale', async () => {
    await openSection(page, 'compare');
    await page.selectOption('#compare-variant', 'batch-norm');
    await page.click('#compare-run');
    await waitFor(page, page.locator('.app[data-tab="compare"]'));
    await waitFor(page, page.locator('.compare[data-state="ready"]'), 90_000);
    await waitFor(page, page.locator('#compare-a[data-state="ready"]'));
    await waitFor(page, page.locator('#compare-b[data-state="ready"]'));
    const changed = page.locator('.compare-table__changed td');
    expect(await changed.allInnerTexts()).toEqual(['off', 'on']);
    const parameters = await page.locator('.compare-table tr', { hasText: 'parameters P' }).locator('td').allInnerTexts();
    expect(parameters).toEqual(['96', '128']);
    for (const side of ['a', 'b']) expectViridis(await screenshot(page.locator(`#compare-${side} .contour svg`), `workflow-5-compare-${side}-contour`), 4);
    await screenshot(page, 'workflow-5-compare-contour');
    // The same comparison in 3D: two canvases, one shared colour and height scale.
    await page.click('#view-3d');
    await waitFor(page, page.locator('#compare-a[data-state="ready"][data-kind="3d"]'));
    await waitFor(page, page.locator('#compare-b[data-state="ready"][data-kind="3d"]'));
    for (const side of ['a', 'b']) expectViridis(await screenshot(page.locator(`#compare-${side} canvas`), `workflow-5-compare-${side}-canvas`), 3, 0.04);
    await screenshot(page, 'workflow-5-compare-3d');
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('long and failing jobs: divergence, pause and stop, a responsive UI during a long scan', () => {
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    ({ page, problems } = await openAppPage(env));
  });

  afterAll(async () => {
    await page?.close();
  });

  it('warns clearly when a run diverges', async () => {
    await page.selectOption('#preset', 'digits-adam');
    await page.selectOption('#optimizer', 'sgd');
    await page.fill('#lr', '100000');
    await page.fill('#epochs', '1');
    await page.click('#train-run');
    await waitFor(page, page.locator('.training[data-status="diverged"]'), 30_000);
    const banner = page.locator('.banner[data-kind="diverged"]');
    expect(await banner.innerText()).toMatch(/diverged at step \d+.*smaller learning rate/s);
    expect(await page.locator('.message[data-kind="diverged"]').innerText()).toMatch(/not finite/);
    await screenshot(page, 'responsive-0-diverged');
  });

  it('pauses, resumes and stops a training run', async () => {
    await page.selectOption('#preset', 'digits-adam');
    await page.fill('#epochs', '200');
    expect(await page.inputValue('#lr')).toBe('0.001');
    await page.click('#train-run');
    await expect.poll(async () => Number(await page.locator('.training').getAttribute('data-step')), { timeout: 30_000 }).toBeGreaterThan(20);
    // Bounds are generous: the test machine may be shared, and timers then fire late.
    expect(await responseTime(page, '#train-pause', '.training[data-status="paused"]')).toBeLessThan(1_000);
    // The worker holds after its current chunk of steps.
    await page.waitForTimeout(500);
    const held = await page.locator('.training').getAttribute('data-step');
    await page.waitForTimeout(800);
    expect(await page.locator('.training').getAttribute('data-step')).toBe(held);
    expect(await responseTime(page, '#train-pause', '.training[data-status="running"]')).toBeLessThan(1_000);
    await expect.poll(async () => Number(await page.locator('.training').getAttribute('data-step'))).toBeGreaterThan(Number(held));
    await page.click('#train-stop');
    const stopped = page.locator('.training[data-status="stopped"]');
    await waitFor(page, stopped, 10_000);
    expect(Number(await stopped.getAttribute('data-step'))).toBeLessThan(Number(await stopped.getAttribute('data-total-steps')));
  });

  it('answers clicks while a 201 × 201 scan streams in, and Cancel stops it', async () => {
    await page.selectOption('#resolution', '201');
    await page.click('#compute');
    await waitFor(page, page.locator('#landscape-viewer[data-state="scanning"]'), 60_000);
    await expect.poll(async () => Number(await page.locator('.scan').getAttribute('data-rows')), { timeout: 30_000 }).toBeGreaterThan(0);
    // The workers scan; the page's own thread stays free: timers fire on time, clicks answer at once.
    const lag = await eventLoopLag(page, 2_000);
    expect(lag.median, `event-loop lag ${JSON.stringify(lag)}`).toBeLessThan(100);
    expect(lag.max, `event-loop lag ${JSON.stringify(lag)}`).toBeLessThan(1_500);
    const times = [
      await responseTime(page, '#view-contour', '#landscape-viewer[data-kind="contour"]'),
      await responseTime(page, '[data-section="model"] .section__header', '[data-section="model"][data-open="true"]'),
      await responseTime(page, '#view-3d', '#landscape-viewer[data-kind="3d"]'),
    ];
    for (const time of times) expect(time, `response times ${times.join(', ')} ms`).toBeLessThan(1_000);
    expect(await page.locator('#landscape-viewer').getAttribute('data-state')).toBe('scanning');
    await screenshot(page, 'responsive-scanning');
    expect(await responseTime(page, '#cancel-scan', '.scan[data-status="cancelled"]')).toBeLessThan(1_000);
    const rows = Number(await page.locator('.scan').getAttribute('data-rows'));
    expect(rows).toBeLessThan(201);
    await waitFor(page, page.locator('#landscape-viewer[data-state="cancelled"]'));
    // Rows still in flight when Cancel was pressed are dropped: the count stays.
    await page.waitForTimeout(1_000);
    expect(Number(await page.locator('.scan').getAttribute('data-rows'))).toBe(rows);
    expect(await page.locator('#compute').isEnabled()).toBe(true);
    await screenshot(page, 'responsive-cancelled');
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
