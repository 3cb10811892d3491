// A quick preview on a subset of the samples: the surface computed on 100 of Iris's 150
// samples shows "100 of 150 samples" and its standard errors, the hover read-out "loss ± se",
// and one click computes the same surface on all 150.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openSection, trainPreset, useAppPage, waitFor } from './appSteps.js';
import { screenshot, useWebAppInChromium } from './browser.js';

const env = useWebAppInChromium();

describe('surfaces on a subset of the samples', () => {
  let page: Page;
  let problems: string[];
  useAppPage(env, (opened) => ({ page, problems } = opened));

  it('previews a surface on 100 samples with error bars, then computes it on all of them', async () => {
    await trainPreset(page, 'seed-iris');
    await openSection(page, 'landscape');
    await page.selectOption('#resolution', '21');
    await page.selectOption('#samples', '100');
    await page.click('#compute');
    const viewer = page.locator('#landscape-viewer[data-state="ready"][data-kind="3d"]');
    await waitFor(page, viewer);
    const subset = page.locator('#surface-subset');
    await waitFor(page, subset);
    expect(await subset.getAttribute('data-samples')).toBe('100');
    expect(await subset.getAttribute('data-of')).toBe('150');
    expect(await subset.innerText()).toMatch(/100 of 150 samples \(seed 0\) · standard error ≤ \d\S*, typically \d\S*/);
    expect(await page.locator('#surface-subset-all').innerText()).toBe('Compute on all 150 samples');
    // Hovering the surface reads out the loss with its standard error.
    await page.locator('#landscape-viewer canvas').hover();
    await expect.poll(() => page.locator('.viewer__readout').innerText().catch(() => '')).toMatch(/^α \S+ · β \S+ · loss \d\S* ± \d\S*$/);
    await screenshot(page, 'subsets-1-preview');
    await screenshot(page.locator('[data-section="landscape"]'), 'subsets-1-preview-panel');

    // The same surface on the full set: no subset, no ±.
    const preview = await page.locator('.colorbar').getAttribute('data-max');
    await page.click('#surface-subset-all');
    await waitFor(page, page.locator('.scan[data-status="ready"]'));
    await waitFor(page, viewer);
    await expect.poll(() => subset.count()).toBe(0);
    expect(await page.locator('#samples').inputValue()).toBe('all');
    expect(await page.locator('.scan').getAttribute('data-rows')).toBe('21');
    await expect.poll(() => page.locator('.colorbar').getAttribute('data-max')).not.toBe(preview);
    await page.mouse.move(0, 0);
    await page.locator('#landscape-viewer canvas').hover();
    await expect.poll(() => page.locator('.viewer__readout').innerText().catch(() => '')).toMatch(/^α \S+ · β \S+ · loss \d\S*$/);
    await screenshot(page, 'subsets-2-full');
    expect(problems).toEqual([]);
  });
});
