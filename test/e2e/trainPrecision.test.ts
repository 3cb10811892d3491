// Training in float32 from the Train section: the run says so beside its status, its loss is
// within float32 rounding of the float64 run's, and the project's recipe records the choice.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openSection, trainPreset, useAppPage, waitFor } from './appSteps.js';
import { screenshot, useWebAppInChromium } from './browser.js';

const env = useWebAppInChromium();

/** The final training loss the Train section shows. */
const finalLoss = async (page: Page) => Number(/loss (\d\S*)/.exec(await page.locator('.training__line.muted').innerText())?.[1]);

describe('training precision', () => {
  let page: Page;
  let problems: string[];
  useAppPage(env, (opened) => ({ page, problems } = opened));

  it('trains seed-iris in float32, labelled as such, to within float32 rounding of float64', async () => {
    await openSection(page, 'train');
    await trainPreset(page, 'seed-iris');
    expect(await page.locator('.training [data-precision="float32"]').count()).toBe(0);
    const float64 = await finalLoss(page);
    await page.click('#train-precision-float32');
    expect(await page.getAttribute('#train-precision-float32', 'aria-pressed')).toBe('true');
    // How fast it trains is no change of what is trained: the preset stays.
    expect(await page.locator('#preset').inputValue()).toBe('seed-iris');
    await page.click('#train-run');
    await waitFor(page, page.locator('.training[data-status="done"] [data-precision="float32"]'));
    const float32 = await finalLoss(page);
    expect(Math.abs(float32 - float64) / float64).toBeLessThan(1e-4);
    await screenshot(page.locator('[data-section="train"]'), 'train-precision-float32');
    expect(problems).toEqual([]);
  });
});
