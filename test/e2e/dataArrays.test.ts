// Array files in the Data panel, end to end: an IDX pair (MNIST's format, gzipped) opens in
// two file choosers, the panel summarizes it, a run trains on it and its landscape is sliced
// (training, planning and scanning each in their own worker, each holding the data); a
// damaged file is refused in the panel, changing nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openSection, useAppPage, waitFor } from './appSteps.js';
import { useWebAppInChromium } from './browser.js';

const env = useWebAppInChromium();
const fixture = (name: string) => fileURLToPath(new URL(`../engine/data/fixtures/${name}`, import.meta.url));

describe('array files opened in the Data panel', () => {
  let page: Page;
  let problems: string[];
  useAppPage(env, (opened) => ({ page, problems } = opened));

  /** Clicks Open arrays and picks `files` in the choosers it opens, one after the other. */
  async function openArrays(...files: string[]): Promise<void> {
    let next = page.waitForEvent('filechooser');
    await page.click('#data-open');
    for (const file of files) {
      const chooser = await next;
      next = page.waitForEvent('filechooser'); // before the pick, so the labels chooser cannot open unseen
      await chooser.setFiles(file);
    }
    next.catch(() => undefined);
  }

  it('opens an IDX pair, summarizes it, trains on it and slices its landscape', async () => {
    await page.fill('#test-fraction', '0');
    await page.press('#test-fraction', 'Enter');
    await openArrays(fixture('images.idx3-ubyte.gz'), fixture('labels.idx1-ubyte.gz'));
    await expect.poll(() => page.inputValue('#dataset')).toBe('file');
    const summary = page.locator('.data-summary[data-train="5"][data-test="0"]');
    await waitFor(page, summary);
    expect(await summary.innerText()).toBe('5 samples · 5 train / 0 test · 13 inputs · 5 classes');
    await expect.poll(() => page.locator('.features input[type="checkbox"]').count()).toBe(12);

    await page.click('#train-run');
    await waitFor(page, page.locator('.training[data-status="done"]'));
    await openSection(page, 'landscape');
    await page.click('#compute');
    await waitFor(page, page.locator('#landscape-viewer[data-state="ready"]'));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('refuses a damaged .npz in the panel and keeps the data it had', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'losscape-arrays-'));
    writeFileSync(join(dir, 'cut.npz'), Uint8Array.of(0x50, 0x4b, 3, 4, 0, 0));
    await openArrays(join(dir, 'cut.npz'));
    await expect.poll(() => page.locator('#data-open-error').innerText()).toMatch(/\.npz file is corrupt or truncated/);
    expect(await page.inputValue('#dataset')).toBe('file');
    await waitFor(page, page.locator('.data-summary[data-train="5"]'));
  });
});
