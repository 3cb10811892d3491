// `losscape render`: every format from a surface file, checked by independent readers —
// pngjs for PNG (pixels against the SVG's cells), the glTF validator, XML for VTK, a GIF
// decoder — plus .h5 input, format from the extension, and one-line errors.
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import validator from 'gltf-validator';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSurfaceFile } from '../../engine/io/index.js';
import { readLossLandscapeH5 } from '../../cli/formats/h5Surface.js';
import { syntheticSurface } from '../engine/io/syntheticSurface.js';
import { byId, findAll, hexRgb, parseXml } from '../engine/io/xml.js';
import { decodeGif } from '../utils/gifDecode.js';
import { losscape } from './losscape.js';

let dir: string;
const surface = syntheticSurface(21, 17, { missing: [[5, 5]] });
const h5 = new URL('../engine/io/fixtures/loss_landscape.h5', import.meta.url).pathname;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'losscape-render-'));
  await fs.writeFile(path.join(dir, 'surface.json'), JSON.stringify(surface));
  await fs.writeFile(path.join(dir, 'bare.json'), JSON.stringify({ ...surface, trajectory: undefined }));
  await fs.writeFile(path.join(dir, 'line.json'), JSON.stringify({ format: 'losscape.line/1', line: 'init → final', center: [0], direction: [1], split: 'train', norm: 'batch', t: [0, 0.5, 1], values: { loss: [2, 1, 0.5] } }));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function render(...args: string[]) {
  const result = await losscape(['render', ...args], dir);
  expect(result.stderr).not.toMatch(/losscape:/);
  expect(result.code).toBe(0);
}
const png = async (name: string) => PNG.sync.read(await fs.readFile(path.join(dir, name)));

describe('losscape render', { timeout: 120_000 }, () => {
  it('PNG: the pixels at each heatmap cell are the colours the SVG gives that cell', async () => {
    await render('--in', 'bare.json', '--kind', 'heatmap', '--width', '960', '--height', '800', '--colormap', 'magma', '--out', 'heat.svg');
    await render('--in', 'bare.json', '--kind', 'heatmap', '--width', '1920', '--colormap', 'magma', '--out', 'heat.png');
    const image = await png('heat.png');
    expect([image.width, image.height]).toEqual([1920, 1600]);
    const cells = findAll(byId(parseXml(await fs.readFile(path.join(dir, 'heat.svg'), 'utf8')), 'cells'), 'rect');
    for (const cell of cells.filter((_, k) => k % 7 === 0)) {
      const cx = Math.round(2 * (Number(cell.x) + Number(cell.width) / 2));
      const cy = Math.round(2 * (Number(cell.y) + Number(cell.height) / 2));
      const at = 4 * (cy * image.width + cx);
      const expected = hexRgb(String(cell.fill));
      expected.forEach((c, k) => expect(Math.abs(image.data[at + k] - c)).toBeLessThanOrEqual(2));
      expect(image.data[at + 3]).toBe(255);
    }
  });

  it('PNG: light, dark and transparent backgrounds; any size up to 4K and beyond', async () => {
    await render('--in', 'surface.json', '--out', 'light.png', '--width', '800');
    await render('--in', 'surface.json', '--out', 'dark.png', '--width', '800', '--theme', 'dark');
    await render('--in', 'surface.json', '--out', 'clear.png', '--width', '800', '--transparent', '--kind', 'surface3d');
    await render('--in', 'surface.json', '--out', 'big.png', '--width', '4096', '--kind', 'surface3d');
    const corner = (image: PNG) => Array.from(image.data.subarray(0, 4));
    expect(corner(await png('light.png'))).toEqual([255, 255, 255, 255]);
    expect(corner(await png('dark.png'))).toEqual([0x15, 0x16, 0x1a, 255]);
    expect(corner(await png('clear.png'))[3]).toBe(0);
    const big = await png('big.png');
    expect([big.width, big.height]).toEqual([4096, Math.round(4096 / (960 / 760))]);
  });

  it('GIF: a looping animation with a frame per sampled snapshot', async () => {
    await render('--in', 'surface.json', '--format', 'gif', '--frames', '6', '--out', 'path.gif');
    const gif = new Uint8Array(await fs.readFile(path.join(dir, 'path.gif')));
    expect(String.fromCharCode(...gif.subarray(0, 6))).toBe('GIF89a');
    const decoded = decodeGif(gif);
    expect([decoded.width, decoded.height, decoded.loops, decoded.frames.length]).toEqual([640, 533, 0, 6]);
    // 12 frames a second (the delay in hundredths), the last frame held for eight.
    expect(decoded.frames.map((f) => f.delayMs)).toEqual([80, 80, 80, 80, 80, 670]);
    const changed = (a: Uint8Array, b: Uint8Array) => a.filter((v, k) => v !== b[k]).length;
    for (let k = 1; k < 6; k++) expect(changed(decoded.frames[k].rgba, decoded.frames[k - 1].rgba), `frame ${k}`).toBeGreaterThan(20);
  });

  it('VTK (grid + path), GLB, OBJ, STL, CSV, npz, HTML and JSON, the format read from --out', async () => {
    for (const ext of ['vts', 'glb', 'obj', 'stl', 'csv', 'npz', 'html', 'json', 'svg']) await render('--in', 'surface.json', '--out', `surface.${ext}`);
    const vts = parseXml(await fs.readFile(path.join(dir, 'surface.vts'), 'utf8'));
    expect(findAll(vts, 'DataArray').map((a) => a.Name)).toEqual(['loss', 'accuracy', 'Points']);
    const vtp = parseXml(await fs.readFile(path.join(dir, 'surface.trajectory.vtp'), 'utf8'));
    expect(findAll(vtp, 'Piece')[0].NumberOfPoints).toBe('12');
    const report = await validator.validateBytes(new Uint8Array(await fs.readFile(path.join(dir, 'surface.glb'))));
    expect(report.issues.numErrors).toBe(0);
    expect((await fs.readFile(path.join(dir, 'surface.csv'), 'utf8')).split('\n')[0]).toBe('alpha,beta,loss,accuracy');
    expect(readSurfaceFile(await fs.readFile(path.join(dir, 'surface.json'), 'utf8'))).toEqual(readSurfaceFile(JSON.stringify(surface)));
  });

  it('reads loss-landscape .h5 surfaces: the same surface as the importer, as JSON or a figure', async () => {
    await render('--in', h5, '--format', 'json', '--out', 'h5.json');
    await render('--in', h5, '--split', 'test', '--out', 'h5.png', '--kind', 'contour');
    expect(JSON.parse(await fs.readFile(path.join(dir, 'h5.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(await readLossLandscapeH5(h5))));
    expect((await png('h5.png')).width).toBe(1920);
  });

  it('renders line files as SVG, PNG, CSV and npz', async () => {
    await render('--in', 'line.json', '--out', 'line.png', '--width', '600');
    expect((await png('line.png')).height).toBe(375);
    await render('--in', 'line.json', '--format', 'csv', '--out', 'line.csv');
    expect(await fs.readFile(path.join(dir, 'line.csv'), 'utf8')).toBe('t,loss\n0,2\n0.5,1\n1,0.5\n');
  });

  it('says in one line what is wrong: no format, a mesh of a line, a part file, a missing file', async () => {
    await fs.writeFile(path.join(dir, 'part.json'), JSON.stringify({ ...surface, format: 'losscape.surface-part/1' }));
    const cases: [string[], string][] = [
      [['--in', 'surface.json', '--out', 'x.bin'], 'losscape: say which format with --format (png, svg, gif, html, csv, npz, vtk, glb, obj, stl, json), or give --out a file name ending in one'],
      [['--in', 'line.json', '--format', 'glb', '--out', 'x.glb'], 'losscape: a line file renders as svg, png, csv, npz or json, not glb'],
      [['--in', 'part.json', '--format', 'svg'], 'losscape: part.json is one part of a sharded surface: join the parts with losscape merge first'],
      [['--in', 'nope.json', '--format', 'svg'], 'losscape: cannot read nope.json: ENOENT'],
      [['--in', 'surface.json', '--format', 'svg', '--colormap', 'jet'], "losscape: option '--colormap <name>' argument 'jet' is invalid. Allowed choices are viridis, cividis, magma, inferno, plasma."],
    ];
    for (const [args, message] of cases) {
      const result = await losscape(['render', ...args], dir);
      expect(result.code).not.toBe(0);
      expect(result.stderr.trim()).toBe(message);
    }
  });
});
