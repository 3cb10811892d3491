// Exports from the app end to end: train seed-iris briefly, compute a small surface, export
// PNG, SVG, GLB, WebM and GIF through the Export menu and check the files with independent
// readers; save and reopen a project; a corrupt project file is refused with a clear error.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import validator from 'gltf-validator';
import { BufferSource, EncodedPacketSink, Input, WEBM } from 'mediabunny';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProjectFile } from '../../engine/io/projectFile.js';
import { HOLD_SECONDS } from '../../renderer/io/animation.js';
import { decodeGif } from '../utils/gifDecode.js';
import { collectPageProblems, launchChromium, startWebApp, type WebApp } from './browser.js';
import { ebmlDocType } from './ebml.js';
import { countNear, fractionChanged, fractionUnlike, hexRgb } from './pixels.js';

// Downloads go to a temporary folder; the PNG and a frame of each animation are also kept
// beside the screenshots to look at.
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
async function download(id: string, name: string, timeout = 30_000): Promise<Buffer> {
  const menu = page.locator('#export-menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  const [file] = await Promise.all([page.waitForEvent('download', { timeout }), page.click(id)]);
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
    // The axes' tick labels (HTML over the canvas) are drawn into the image in their colour.
    expect(countNear(png, hexRgb('#c3c9d8'), 30), 'pixels of the tick labels').toBeGreaterThan(500);

    // Beyond 4K, for print: 8K wide, the same aspect (the IHDR chunk holds width and height).
    await page.selectOption('#export-png-width', '7680');
    const big = await download('#export-png', 'export-surface-8k.png');
    const [width, height] = [big.readUInt32BE(16), big.readUInt32BE(20)];
    expect(width).toBe(7680);
    expect(Math.abs(height / width - png.height / png.width)).toBeLessThan(2 / 1920);
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

  it('records the run frame by frame as a WebM video with the axes’ labels, that decodes', async () => {
    const bytes = await download('#export-webm', 'export-run.webm', 120_000);
    expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    expect(ebmlDocType(bytes)).toBe('webm');
    const view = await page.locator('#landscape-viewer canvas').evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height }));
    const size = { width: 1280, height: Math.round((1280 * view.height) / view.width) };
    // 4 s at 30 frames a second: frame k starts at k / 30 s, the last is held HOLD_SECONDS more.
    const input = new Input({ source: new BufferSource(new Uint8Array(bytes)), formats: [WEBM] });
    const track = (await input.getPrimaryVideoTrack())!;
    expect(['vp9', 'vp8']).toContain(track.codec);
    const starts: number[] = [];
    for await (const packet of new EncodedPacketSink(track).packets()) starts.push(packet.timestamp);
    expect(starts).toHaveLength(120);
    starts.forEach((start, k) => expect(start, `frame ${k}`).toBeCloseTo(k / 30, 3));
    // Chromium decodes it, in a blank page (the app's Content-Security-Policy allows no blob: media).
    const viewer = await browser!.newPage();
    const video = await viewer.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const v = document.createElement('video');
      v.muted = true;
      v.src = URL.createObjectURL(new Blob([bytes], { type: 'video/webm' }));
      document.body.append(v);
      const once = (name: string) => new Promise((resolve, reject) => {
        v.addEventListener(name, resolve, { once: true });
        v.addEventListener('error', () => reject(new Error(`the video does not decode: ${v.error?.message}`)), { once: true });
      });
      await once('loadeddata');
      /** The frame shown at `seconds`, as a PNG data URL (once presented: 'seeked' can come before the frame is). */
      const frameAt = async (seconds: number) => {
        const presented = new Promise((resolve) => v.requestVideoFrameCallback(resolve));
        v.currentTime = seconds;
        await Promise.all([once('seeked'), presented]);
        const c = document.createElement('canvas');
        c.width = v.videoWidth;
        c.height = v.videoHeight;
        c.getContext('2d')!.drawImage(v, 0, 0);
        return c.toDataURL('image/png');
      };
      // Frames 0 and 60 of 120 (the middle of their 1/30 s), and the held last frame.
      const first = await frameAt(0.5 / 30);
      const middle = await frameAt(60.5 / 30);
      const last = await frameAt(4.4);
      return { width: v.videoWidth, height: v.videoHeight, duration: v.duration, first, middle, last };
    }, bytes.toString('base64'));
    await viewer.close();
    expect({ width: video.width, height: video.height }).toEqual(size);
    expect(Math.abs(video.duration - (4 + HOLD_SECONDS)), 'the duration, off by less than a frame').toBeLessThan(1 / 30);
    const decoded = (url: string) => PNG.sync.read(Buffer.from(url.split(',')[1], 'base64'));
    const [first, middle, last] = [decoded(video.first), decoded(video.middle), decoded(video.last)];
    writeFileSync(join(screenshots, 'export-webm-frame.png'), PNG.sync.write(middle));
    // The same view without its labels: the WebGL canvas alone, scaled to the video's size.
    const plain = decoded(
      await page.locator('#landscape-viewer canvas').evaluate((c: HTMLCanvasElement, { width, height }) => {
        const image = document.createElement('canvas');
        Object.assign(image, { width, height });
        image.getContext('2d')!.drawImage(c, 0, 0, width, height);
        return image.toDataURL('image/png');
      }, size),
    );
    expect(fractionUnlike(middle, hexRgb('#0d1017')), 'the part covered by the surface').toBeGreaterThan(0.05);
    const labels = { video: countNear(middle, hexRgb('#c3c9d8'), 30), plain: countNear(plain, hexRgb('#c3c9d8'), 30) };
    expect(labels.video, `pixels of the tick labels (${JSON.stringify(labels)})`).toBeGreaterThan(Math.max(200, 4 * labels.plain));
    expect(countNear(middle, hexRgb('#ff9f1c'), 40), 'pixels of the playback marker').toBeGreaterThan(10);
    // Only the marker moves, from the start of the path to θ*.
    expect(fractionChanged(first, last)).toBeGreaterThan(0);
    expect(fractionChanged(first, last)).toBeLessThan(0.01);
  });

  it('exports the same animation as a GIF with the axes’ labels, the marker moving over a still figure', async () => {
    const bytes = await download('#export-gif', 'export-run.gif', 90_000);
    const view = await page.locator('#landscape-viewer canvas').evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height }));
    const gif = decodeGif(new Uint8Array(bytes));
    // 800 px wide at the view's aspect; 4 s at 12 frames a second, looping, the last frame held 0.5 s more.
    expect([gif.width, gif.height, gif.loops, gif.frames.length]).toEqual([800, Math.round((800 * view.height) / view.width), 0, 48]);
    expect(new Set(gif.frames.slice(0, -1).map((f) => f.delayMs))).toEqual(new Set([80]));
    expect(gif.frames.at(-1)?.delayMs).toBe(580);
    // Chromium's own decoder sees the same frames (ImageDecoder needs a secure context: the app's page on localhost).
    const chromium = await page.evaluate(async (base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const decoder = new ImageDecoder({ data, type: 'image/gif' });
      await decoder.completed;
      const { image } = await decoder.decode({ frameIndex: 0 });
      return { frames: decoder.tracks.selectedTrack?.frameCount, width: image.displayWidth, height: image.displayHeight };
    }, bytes.toString('base64'));
    expect(chromium).toEqual({ frames: 48, width: gif.width, height: gif.height });
    const png = (k: number) => Object.assign(new PNG({ width: gif.width, height: gif.height }), { data: Buffer.from(gif.frames[k].rgba) });
    const [first, middle, last] = [png(0), png(24), png(47)];
    writeFileSync(join(screenshots, 'export-gif-frame.png'), PNG.sync.write(middle));
    expect(fractionUnlike(middle, hexRgb('#0d1017')), 'the part covered by the surface').toBeGreaterThan(0.05);
    expect(countNear(middle, hexRgb('#c3c9d8'), 30), 'pixels of the tick labels').toBeGreaterThan(50);
    expect(countNear(middle, hexRgb('#ff9f1c'), 40), 'pixels of the playback marker').toBeGreaterThan(10);
    // Only the marker moves: the frames differ, in a small part.
    for (const [a, b] of [[first, middle], [middle, last]]) {
      expect(fractionChanged(a, b)).toBeGreaterThan(0);
      expect(fractionChanged(a, b)).toBeLessThan(0.01);
    }
  });

  it('saves and reopens a project', async () => {
    await page.locator('#export-menu summary').click();
    const [saved] = await Promise.all([page.waitForEvent('download'), page.click('#project-save')]);
    const path = join(outDir, 'export-project.npz');
    await saved.saveAs(path);
    const project = readProjectFile(readFileSync(path));
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
    // Both files are recent, the one opened last first (a browser keeps names only).
    expect(await page.locator('#project-recent option').allInnerTexts()).toEqual(['Recent…', 'export-project.npz', 'losscape-project.npz']);
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
