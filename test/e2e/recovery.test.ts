// Autosave and crash recovery end to end: a changed setting, and a trained run with its surface,
// survive a reload through the "Recover unsaved work" prompt; a damaged autosave is refused with a clear message, changes
// nothing and stays until discarded.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openAppPage, openSection, waitFor } from './appSteps.js';
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

  it('brings back the trained run and its surface after a reload, without training or scanning again', async () => {
    await page.selectOption('#preset', 'seed-iris');
    await page.fill('#epochs', '30');
    await page.click('#train-run');
    await waitFor(page, page.locator('.training[data-status="done"]'));
    await openSection(page, 'landscape');
    await page.selectOption('#resolution', '21');
    await page.click('#compute');
    await waitFor(page, page.locator('#landscape-viewer[data-state="ready"][data-kind="3d"]'));
    const range = () => Promise.all([page.getAttribute('.colorbar', 'data-min'), page.getAttribute('.colorbar', 'data-max')]);
    const before = await range();
    expect(before[0]).toMatch(/\d/);
    // The surface's file is written in the export worker, then the autosave holds it.
    await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('losscape.autosave') ?? '{}').surfaces?.length), { timeout: 20_000 }).toBe(1);
    await page.reload();
    await page.click('#recovery-recover');
    await page.locator('#recovery').waitFor({ state: 'detached' });
    await waitFor(page, page.locator('.training[data-status="done"]'), 5_000);
    await waitFor(page, page.locator('#landscape-viewer[data-state="ready"][data-kind="3d"]'), 10_000);
    expect(await range()).toEqual(before);
    await screenshot(page, 'recovery-surface');
    // Work goes on from the recovered project: its autosave keeps the surface.
    await page.fill('#epochs', '31');
    await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('losscape.autosave') ?? '{}').state?.train?.epochs), { timeout: 10_000 }).toBe(31);
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('losscape.autosave')!).surfaces.length)).toBe(1);
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
