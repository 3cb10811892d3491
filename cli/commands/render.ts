/** `losscape render`: a surface or line file as a figure (PNG, SVG, GIF, HTML), data (CSV, .npz, VTK, JSON) or a mesh (GLB, OBJ, STL). */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { colormapNames, lineCsv, lineNpz, lineSvg, surface3dSvg, surfaceContourSvg, surfaceCsv, surfaceGlb, surfaceHeatmapSvg, surfaceHtml, surfaceNpz, surfaceObj, surfaceStl, surfaceVts, trajectoryVtp, type ColormapName } from '../../engine/io/export/index.js';
import type { LineFile, SurfaceFile } from '../../engine/io/index.js';
import { CliError } from '../errors.js';
import { readFigureInput } from '../formats/figureInput.js';
import { trajectoryGif } from '../formats/gif.js';
import { svgToPng } from '../formats/png.js';
import { writeOutput } from '../output.js';

export const renderFormats = ['png', 'svg', 'gif', 'html', 'csv', 'npz', 'vtk', 'glb', 'obj', 'stl', 'json'] as const;
type Format = (typeof renderFormats)[number];
const kinds = ['contour', 'heatmap', 'surface3d'] as const;
type Kind = (typeof kinds)[number];

interface RenderOptions {
  in: string;
  format?: Format;
  kind: Kind;
  metric: 'loss' | 'accuracy';
  width?: number;
  height?: number;
  theme: 'light' | 'dark';
  colormap: ColormapName;
  transparent?: boolean;
  log?: boolean;
  title?: string;
  azimuth?: number;
  elevation?: number;
  split?: 'train' | 'test';
  frames: number;
  fps: number;
  out?: string;
}

const extensions: Record<string, Format> = { png: 'png', svg: 'svg', gif: 'gif', html: 'html', htm: 'html', csv: 'csv', npz: 'npz', vts: 'vtk', vtk: 'vtk', glb: 'glb', obj: 'obj', stl: 'stl', json: 'json' };

/** Width over height of each figure at its default size. */
const aspect: Record<Kind | 'line', number> = { contour: 960 / 800, heatmap: 960 / 800, surface3d: 960 / 760, line: 960 / 600 };

function parsePixels(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 16 || n > 16384) throw new InvalidArgumentError('a size in pixels from 16 to 16384');
  return n;
}

function parseNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('a number');
  return n;
}

function parseRate(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n <= 100)) throw new InvalidArgumentError('a rate from 0 to 100 frames per second');
  return n;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2 || n > 1000) throw new InvalidArgumentError('a whole number from 2 to 1000');
  return n;
}

/** The figure's size: as given, or the default width (1920 for PNG, 640 for GIF, 960 for SVG) at the figure's aspect ratio. */
function figureSize(options: RenderOptions, format: Format, kind: Kind | 'line') {
  const ratio = aspect[kind];
  const width = options.width ?? (options.height ? Math.round(options.height * ratio) : format === 'png' ? 1920 : format === 'gif' ? 640 : 960);
  return { width, height: options.height ?? Math.round(width / ratio) };
}

function formatOf(options: RenderOptions): Format {
  if (options.format) return options.format;
  const ext = options.out?.split('.').pop()?.toLowerCase();
  const format = ext ? extensions[ext] : undefined;
  if (!format) throw new CliError(`say which format with --format (${renderFormats.join(', ')}), or give --out a file name ending in one`);
  return format;
}

function renderSurface(file: SurfaceFile, format: Format, options: RenderOptions): string | Uint8Array {
  const figure = { ...figureSize(options, format, options.kind), theme: options.theme, colormap: options.colormap, transparent: options.transparent, log: options.log, title: options.title, metric: options.metric };
  const camera = { ...(options.azimuth !== undefined ? { azimuth: options.azimuth } : {}), ...(options.elevation !== undefined ? { elevation: options.elevation } : {}) };
  const svg = (marker?: number) =>
    options.kind === 'surface3d' ? surface3dSvg(file, { ...figure, camera, marker }) : options.kind === 'heatmap' ? surfaceHeatmapSvg(file, { ...figure, marker }) : surfaceContourSvg(file, { ...figure, marker });
  const mesh = { metric: options.metric, log: options.log, colormap: options.colormap };
  switch (format) {
    case 'svg': return svg();
    case 'png': return svgToPng(svg());
    case 'gif': return trajectoryGif(file, svg, { frames: options.frames, fps: options.fps });
    case 'html': return surfaceHtml(file, { ...figure, camera });
    case 'csv': return surfaceCsv(file);
    case 'npz': return surfaceNpz(file);
    case 'vtk': return surfaceVts(file);
    case 'glb': return surfaceGlb(file, mesh);
    case 'obj': return surfaceObj(file, mesh);
    case 'stl': return surfaceStl(file, mesh);
    case 'json': return `${JSON.stringify(file)}\n`;
  }
}

function renderLine(file: LineFile, format: Format, options: RenderOptions): string | Uint8Array {
  const figure = () => lineSvg(file, { ...figureSize(options, format, 'line'), theme: options.theme, transparent: options.transparent, log: options.log, title: options.title, metric: options.metric });
  switch (format) {
    case 'svg': return figure();
    case 'png': return svgToPng(figure());
    case 'csv': return lineCsv(file);
    case 'npz': return lineNpz(file);
    case 'json': return `${JSON.stringify(file)}\n`;
    default: throw new CliError(`a line file renders as svg, png, csv, npz or json, not ${format}`);
  }
}

async function runRender(options: RenderOptions): Promise<void> {
  const format = formatOf(options);
  const input = await readFigureInput(options.in, { split: options.split });
  const data = input.kind === 'surface' ? renderSurface(input.file, format, options) : renderLine(input.file, format, options);
  await writeOutput(data, options.out);
  // VTK keeps the path in its own file (poly data) beside the grid: surface.vts → surface.trajectory.vtp.
  if (format === 'vtk' && input.kind === 'surface' && input.file.trajectory?.length && options.out) {
    const path = `${options.out.replace(/\.(vts|vtk)$/i, '')}.trajectory.vtp`;
    await writeOutput(trajectoryVtp(input.file.trajectory), path);
    process.stderr.write(`the trajectory is in ${path}\n`);
  }
}

/** Adds the `render` command to `program`. */
export function registerRenderCommand(program: Command): void {
  program
    .command('render')
    .description('turns a surface or line file (or a loss-landscape .h5 surface) into a figure, data or a mesh')
    .requiredOption('--in <file>', 'surface.json, line.json, or an .h5 surface from loss-landscape')
    .addOption(new Option('--format <format>', 'output format (default: from --out\'s extension)').choices(renderFormats))
    .addOption(new Option('--kind <kind>', 'the figure, for png, svg and gif').choices(kinds).default('contour'))
    .addOption(new Option('--metric <metric>', 'what to plot').choices(['loss', 'accuracy']).default('loss'))
    .option('--width <px>', 'figure width in pixels (PNG default 1920; the figure is the same at any size)', parsePixels)
    .option('--height <px>', 'figure height in pixels (default: the figure\'s aspect ratio)', parsePixels)
    .addOption(new Option('--theme <theme>', 'light or dark').choices(['light', 'dark']).default('light'))
    .addOption(new Option('--colormap <name>', 'colour-blind-safe colormap').choices([...colormapNames]).default('viridis'))
    .option('--transparent', 'no background (PNG, SVG, HTML)')
    .option('--log', 'plot log10 of the metric')
    .option('--title <text>', 'a title above the figure')
    .option('--azimuth <degrees>', 'camera azimuth for surface3d and html (default −60)', parseNumber)
    .option('--elevation <degrees>', 'camera elevation for surface3d and html (default 30)', parseNumber)
    .addOption(new Option('--split <split>', 'which values of an .h5 file (default train)').choices(['train', 'test']))
    .option('--frames <n>', 'frames of a GIF (snapshots sampled evenly)', parseCount, 48)
    .option('--fps <n>', 'frames per second of a GIF', parseRate, 12)
    .option('--out <file>', 'write here (atomically) instead of stdout; VTK puts the path beside it in FILE.trajectory.vtp')
    .action(runRender);
}
