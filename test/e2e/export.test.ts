// Exports from the app end to end: train seed-iris briefly, compute a small surface, export
// PNG, SVG and GLB through the Export menu and check the files with independent readers;
// save and reopen a project; a corrupt project file is refused with a clear error.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import validator from 'gltf-validator';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageProblems, launchChromium, startWebApp, type WebApp } from './browser.js';
import { fractionUnlike, hexRgb } from './pixels.js';

// Downloads go to a temporary folder; the PNG is also kept beside the screenshots to look at.
const screenshots = join(fileURLToPath(new URL('.', import.meta.url)), 'screenshots');
const outDir = mkdtempSync(join(tmpdir(), 'losscape-export-'));
let app: WebApp | undefined;
let browser: Browser | undefined;
let page: Page;
let problems: string[];

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, acceptDownloads: true });
  problems = collectPageProblems(page);
  await page.goto(app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Clicks an Export menu item and answers the downloaded file's bytes. */
async function download(id: string, name: string): Promise<Buffer> {
  const menu = page.locator('#export-menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(id)]);
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, name);
  await file.saveAs(path);
  return readFileSync(path);
}

describe('exports and project files from the app', () => {
  it('trains seed-iris and computes a small surface', async () => {
    await page.selectOption('#preset', 'seed-iris');
    await page.fill('#epochs', '10');
    await page.click('#train-run');
    await page.locator('.training[data-status="done"]').waitFor({ timeout: 60_000 });
    await page.selectOption('#resolution', '21');
    await page.click('#compute');
    await page.locator('#landscape-viewer[data-state="ready"][data-kind="3d"]').waitFor({ timeout: 60_000 });
  });

  it('exports a PNG of the 3D view at the chosen size', async () => {
    await page.locator('#export-menu summary').click();
    await page.selectOption('#export-png-width', '1920');
    const bytes = await download('#export-png', 'export-surface.png');
    mkdirSync(screenshots, { recursive: true });
    writeFileSync(join(screenshots, 'export-surface.png'), bytes);
    const png = PNG.sync.read(bytes);
    expect(png.width).toBe(1920);
    expect(png.height).toBeGreaterThan(500);
    expect(fractionUnlike(png, hexRgb('#0d1017')), 'the part covered by the surface').toBeGreaterThan(0.05);
  });

  it('exports the SVG contour plot with its contours and path', async () => {
    const svg = (await download('#export-svg-contour', 'export-contour.svg')).toString('utf8');
    const doc = new XMLParser({ ignoreAttributes: false }).parse(svg);
    expect(doc.svg).toBeTruthy();
    expect(svg).toContain('id="contours"');
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(5);
    expect(svg).toContain('id="trajectory"');
  });

  it('exports a GLB the Khronos validator accepts', async () => {
    const glb = await download('#export-glb', 'export-surface.glb');
    const report = await validator.validateBytes(new Uint8Array(glb));
    expect(report.issues.numErrors).toBe(0);
  });

  it('saves and reopens a project', async () => {
    await page.locator('#export-menu summary').click();
    const [saved] = await Promise.all([page.waitForEvent('download'), page.click('#project-save')]);
    const path = join(outDir, 'export-project.json');
    await saved.saveAs(path);
    const project = JSON.parse(readFileSync(path, 'utf8'));
    expect(project.format).toBe('losscape.project/1');
    expect(project.runs).toHaveLength(1);
    expect(project.surfaces).toHaveLength(1);
    // Change a setting, then open the saved project: the setting and the surface come back.
    await page.fill('#epochs', '77');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#project-open')]);
    await chooser.setFiles(path);
    await expect.poll(() => page.locator('#project-status').innerText()).toMatch(/opened/);
    expect(await page.inputValue('#epochs')).toBe('10');
    await page.locator('#landscape-viewer[data-state="ready"]').waitFor({ timeout: 30_000 });
  });

  it('refuses a corrupt project file with a clear error and changes nothing', async () => {
    const corrupt = join(outDir, 'export-corrupt.json');
    writeFileSync(corrupt, '{"format":"losscape.project/1","savedAt":');
    await page.fill('#epochs', '12');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#project-open')]);
    await chooser.setFiles(corrupt);
    const status = page.locator('#project-status[data-error="true"]');
    await status.waitFor();
    expect(await status.innerText()).toMatch(/truncated or corrupt/);
    expect(await page.inputValue('#epochs')).toBe('12');
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
