// Autosave and crash recovery end to end: a changed setting survives a reload through the
// "Recover unsaved work" prompt; a damaged autosave is refused with a clear message, changes
// nothing and stays until discarded.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openAppPage } from './appSteps.js';
import { screenshot, useWebAppInChromium } from './browser.js';

const web = useWebAppInChromium();
let page: Page;
let problems: string[];

beforeAll(async () => {
  ({ page, problems } = await openAppPage(web));
});

describe('autosave and recovery', () => {
  it('offers nothing on a first start', async () => {
    await page.locator('#epochs').waitFor();
    expect(await page.locator('#recovery').count()).toBe(0);
  });

  it('brings a changed setting back after a reload', async () => {
    const before = await page.inputValue('#epochs');
    await page.fill('#epochs', '33');
    await page.reload();
    const prompt = page.locator('#recovery');
    await prompt.waitFor();
    expect(await prompt.innerText()).toMatch(/Recover unsaved work from .*\d/);
    expect(await page.inputValue('#epochs')).toBe(before);
    await screenshot(page, 'recovery-prompt');
    await page.click('#recovery-recover');
    await prompt.waitFor({ state: 'detached' });
    expect(await page.inputValue('#epochs')).toBe('33');
  });

  it('refuses a damaged autosave with a clear message, changes nothing, and keeps it until discarded', async () => {
    await page.evaluate(() => localStorage.setItem('losscape.autosave', '{"format":"losscape.project/1","savedAt":'));
    await page.reload();
    const before = await page.inputValue('#epochs');
    await page.click('#recovery-recover');
    const error = page.locator('#recovery-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/cannot be recovered: this project file is truncated or corrupt.*Nothing was changed/);
    await screenshot(page, 'recovery-damaged');
    expect(await page.inputValue('#epochs')).toBe(before);
    expect(await page.evaluate(() => localStorage.getItem('losscape.autosave'))).toBe('{"format":"losscape.project/1","savedAt":');
    await page.click('#recovery-discard');
    await page.reload();
    await page.locator('#epochs').waitFor();
    expect(await page.locator('#recovery').count()).toBe(0);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
