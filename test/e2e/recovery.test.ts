// Autosave and crash recovery end to end: a changed setting, and a trained run with its surface,
// survive a reload through the "Recover unsaved work" prompt; a damaged autosave is refused with a clear message, changes
// nothing and stays until discarded. A model too large for localStorage (P = 495,603) is autosaved
// to IndexedDB and recovered bit for bit, saved as a binary project and reopened; where the
// browser's quota refuses it, the autosave keeps the settings and says so.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { isContainer } from '../../engine/io/container.js';
import { safetensorsBytes } from '../../engine/io/export/safetensors.js';
import { readProjectFile, type ProjectFile } from '../../engine/io/projectFile.js';
import { buildLayout, mlp, toStateDict } from '../../engine/nn/index.js';
import { createRng } from '../../engine/random.js';
import { openAppPage, openSection, waitFor } from './appSteps.js';
import { collectPageProblems, screenshot, useWebAppInChromium } from './browser.js';

const web = useWebAppInChromium();
let page: Page;
let problems: string[];

beforeAll(async () => {
  ({ page, problems } = await openAppPage(web));
});

/** The project in the autosave's IndexedDB record (autosaveStore.ts), or null when there is none. */
async function autosaved(on = page): Promise<ProjectFile | null> {
  const base64 = await on.evaluate(async () => {
    const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
      const request = indexedDB.open('losscape');
      // Never create the app's database here: that is the app's to do.
      request.onupgradeneeded = () => request.transaction!.abort();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => (request.error?.name === 'AbortError' ? resolve(null) : reject(request.error));
    });
    if (!db) return null;
    try {
      const record = await new Promise<{ blob: Blob } | undefined>((resolve, reject) => {
        const request = db.transaction('autosave').objectStore('autosave').get('project');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      if (!record) return null;
      const bytes = new Uint8Array(await record.blob.arrayBuffer());
      let text = '';
      for (let k = 0; k < bytes.length; k += 0x8000) text += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
      return btoa(text);
    } finally {
      db.close();
    }
  });
  return base64 === null ? null : readProjectFile(new Uint8Array(Buffer.from(base64, 'base64')));
}

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
    await expect.poll(async () => (await autosaved())?.surfaces.length, { timeout: 20_000 }).toBe(1);
    await page.reload();
    await page.click('#recovery-recover');
    await page.locator('#recovery').waitFor({ state: 'detached' });
    await waitFor(page, page.locator('.training[data-status="done"]'), 5_000);
    await waitFor(page, page.locator('#landscape-viewer[data-state="ready"][data-kind="3d"]'), 10_000);
    expect(await range()).toEqual(before);
    await screenshot(page, 'recovery-surface');
    // Work goes on from the recovered project: its autosave keeps the surface.
    await page.fill('#epochs', '31');
    await expect.poll(async () => ((await autosaved())?.state as { train?: { epochs?: number } } | undefined)?.train?.epochs, { timeout: 10_000 }).toBe(31);
    expect((await autosaved())!.surfaces).toHaveLength(1);
  });

  it('refuses a damaged autosave with a clear message, changes nothing, and keeps it until discarded', async () => {
    // An older Losscape's text autosave, damaged; the newer binary one is gone.
    await page.evaluate(async () => {
      localStorage.setItem('losscape.autosave', '{"format":"losscape.project/1","savedAt":');
      await new Promise((resolve, reject) => {
        const request = indexedDB.open('losscape');
        request.onsuccess = () => {
          const transaction = request.result.transaction('autosave', 'readwrite');
          transaction.objectStore('autosave').delete('project');
          transaction.oncomplete = () => resolve(request.result.close());
        };
        request.onerror = () => reject(request.error);
      });
    });
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

  // Three inputs (Iris petal length and width and the constant x₀), two wide logistic layers, three classes: P = 495,603.
  const spec = mlp(3, [700, 700], 3, { activation: 'logistic', loss: 'softmax-ce' });
  const layout = buildLayout(spec);
  const rng = createRng(14, 'recovery e2e');
  const theta = Float64Array.from({ length: layout.size }, () => Math.fround(rng.normal() * 0.05));
  const dir = mkdtempSync(join(tmpdir(), 'losscape-recovery-'));
  /** θ of the project's first run, flattened in layout order. */
  const thetaOf = (file: ProjectFile) => Float64Array.from(layout.entries.flatMap((entry) => file.runs[0].params[entry.name].data));
  const sameBits = (a: Float64Array, b: Float64Array) => Buffer.from(a.buffer).equals(Buffer.from(b.buffer));
  const wide = join(dir, 'wide.safetensors');
  const saved = join(dir, 'wide-project.npz');

  it('autosaves a model too large for localStorage to IndexedDB and recovers it after a reload, its weights bit for bit', async () => {
    expect(layout.size).toBe(495_603);
    writeFileSync(wide, safetensorsBytes(toStateDict(layout, theta), 'F32'));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#model-open')]);
    await chooser.setFiles(wide);
    await expect.poll(() => page.locator('#project-status').innerText()).toBe('opened the model wide.safetensors');
    await expect.poll(async () => (await autosaved())?.runs.length, { timeout: 20_000 }).toBe(1);
    const kept = (await autosaved())!;
    expect(sameBits(thetaOf(kept), theta)).toBe(true);
    // Its JSON text is longer than all of localStorage (5 Mi characters in Chromium), which holds no project now.
    expect(JSON.stringify(kept).length).toBeGreaterThan(5 * 1024 * 1024);
    expect(await page.evaluate(() => localStorage.getItem('losscape.autosave'))).toBeNull();
    expect(await page.locator('#autosave-status').count()).toBe(0);

    await page.reload();
    await page.click('#recovery-recover');
    await page.locator('#recovery').waitFor({ state: 'detached' });
    expect(await page.locator('#run-opened').innerText()).toMatch(/^Opened from wide\.safetensors, not trained here/);
    await screenshot(page, 'recovery-large-model');
  });

  it('saves that project as one binary file (Losscape project, .npz) and opens it again, the run intact', async () => {
    const epochs = await page.inputValue('#epochs');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#project-save')]);
    expect(download.suggestedFilename()).toBe('losscape-project.npz');
    await download.saveAs(saved);
    const bytes = new Uint8Array(readFileSync(saved));
    expect(isContainer(bytes)).toBe(true);
    // Within 2% of θ's raw float64 bytes (the recovered run's weights are what was opened).
    expect(bytes.length / (8 * layout.size)).toBeLessThan(1.02);
    expect(sameBits(thetaOf(readProjectFile(bytes)), theta)).toBe(true);
    await expect.poll(() => page.locator('#project-status').innerText()).toBe('project saved');

    await page.fill('#epochs', '9');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#project-open')]);
    expect(await chooser.element().getAttribute('accept')).toBe('.npz,.json');
    await chooser.setFiles(saved);
    await expect.poll(() => page.locator('#project-status').innerText()).toBe('opened wide-project.npz');
    expect(await page.inputValue('#epochs')).toBe(epochs);
    expect(await page.locator('#run-opened').innerText()).toMatch(/^Opened from wide\.safetensors/);
    expect(await page.locator('#project-recent option').allInnerTexts()).toEqual(['Recent…', 'wide-project.npz', 'losscape-project.npz']);
  });

  it('keeps the settings only, and says so, when the browser’s quota refuses the project', async () => {
    // A fresh page whose origin's quota is cut to 5.5 MB through the DevTools protocol (Chromium
    // applies an override only to storage opened after it, and refuses any write with less than
    // about 4.5 MB to spare), with the project opened in it.
    const limited = await web.browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    const limitedProblems = collectPageProblems(limited);
    const cdp = await limited.context().newCDPSession(limited);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(web.app.url).origin, quotaSize: 5_500_000 });
    try {
      await limited.goto(web.app.url);
      const [chooser] = await Promise.all([limited.waitForEvent('filechooser'), limited.click('#project-open')]);
      await chooser.setFiles(saved);
      await expect.poll(() => limited.locator('#project-status').innerText()).toBe('opened wide-project.npz');
      await limited.fill('#epochs', '8');
      const note = limited.locator('#autosave-status');
      await note.waitFor({ timeout: 20_000 });
      expect(await note.innerText()).toBe('autosave keeps the settings only: the project (4.0 MB) is larger than the browser’s storage allows; save the project to a file');
      const kept = (await autosaved(limited))!;
      expect(kept.runs).toEqual([]);
      expect((kept.state as { train: { epochs: number } }).train.epochs).toBe(8);
      await screenshot(limited, 'autosave-settings-only');
      // Dismissed, it stays away while the autosave has nothing new to say.
      await limited.click('#autosave-status-dismiss');
      await limited.fill('#epochs', '7');
      await expect.poll(async () => ((await autosaved(limited))?.state as { train: { epochs: number } }).train.epochs, { timeout: 10_000 }).toBe(7);
      expect(await note.count()).toBe(0);
      expect(limitedProblems, limitedProblems.join('\n')).toEqual([]);
    } finally {
      await cdp.detach();
      await limited.close();
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
