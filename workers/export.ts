// Exports of the current surface as a comlink endpoint: builds the surface file from a run and
// a scanned grid (re-planning the directions, which is deterministic), then writes it as a
// figure, data or mesh; encodes the app's animated GIFs (gifSession.ts) and WebM videos
// (webmSession.ts) from the frames it captures; and reads what the app opens from elsewhere: a
// loss-landscape .h5, PyTorch or ONNX weights. Environment-agnostic: the same object runs in a Web Worker and under worker_threads.
// Byte results are transferred, not copied.
import { transfer } from 'comlink';
import { prepareData, type DataSpec } from '../engine/data/index.js';
import {
  surface3dSvg,
  surfaceContourSvg,
  surfaceCsv,
  surfaceGlb,
  surfaceHtml,
  surfaceNpz,
  surfaceObj,
  surfaceStl,
  surfaceVts,
  type ColormapName,
} from '../engine/io/export/index.js';
import { ImportError, importedRunFile, readWeightsFile, weightsKindOf } from '../engine/io/import/index.js';
import { runStateOf, type RunFile } from '../engine/io/index.js';
import { surfaceFileOf, type SurfaceFile } from '../engine/io/surfaceFile.js';
import type { Activation } from '../engine/nn/index.js';
import { planSurface, type DirectionInfo, type SurfaceRequest, type TrajectoryPoint } from '../engine/landscape/surface.js';
import { gifSessions } from './gifSession.js';
import { surfaceOfH5 } from './h5Surface.js';
import { webmSessions } from './webmSession.js';

/** What the app holds about a scanned surface: its run, request and grid. */
export interface ScannedSurface {
  run: RunFile;
  request: SurfaceRequest;
  alpha: Float64Array;
  beta: Float64Array;
  /** loss[i·nβ + j] at (α_i, β_j); likewise accuracy. */
  loss: Float64Array;
  accuracy: Float64Array;
  /** The standard error of each loss, when the request scans a subset of the samples. */
  lossStdError?: Float64Array;
  trajectory: TrajectoryPoint[];
  info: DirectionInfo | null;
}

export type ExportFormat = 'svg-contour' | 'svg-3d' | 'csv' | 'npz' | 'vtk' | 'glb' | 'obj' | 'stl' | 'html' | 'json';

export interface ExportOptions {
  metric?: 'loss' | 'accuracy';
  log?: boolean;
  colormap?: ColormapName;
  theme?: 'light' | 'dark';
  transparent?: boolean;
}

/** An exported file: text or bytes. */
export interface ExportResult {
  data: string | Uint8Array;
  mime: string;
  extension: string;
}

const kinds: Record<ExportFormat, { mime: string; extension: string }> = {
  'svg-contour': { mime: 'image/svg+xml', extension: 'svg' },
  'svg-3d': { mime: 'image/svg+xml', extension: 'svg' },
  csv: { mime: 'text/csv', extension: 'csv' },
  npz: { mime: 'application/zip', extension: 'npz' },
  vtk: { mime: 'application/xml', extension: 'vts' },
  glb: { mime: 'model/gltf-binary', extension: 'glb' },
  obj: { mime: 'model/obj', extension: 'obj' },
  stl: { mime: 'model/stl', extension: 'stl' },
  html: { mime: 'text/html', extension: 'html' },
  json: { mime: 'application/json', extension: 'json' },
};

/** The surface file of a scanned surface (the directions re-planned from the run). */
export function surfaceFileOfScan(scan: ScannedSurface): SurfaceFile {
  const state = runStateOf(scan.run);
  const { plan, info } = planSurface(state, prepareData(scan.run.data), scan.request);
  return surfaceFileOf({
    plan: { ...plan, alpha: scan.alpha, beta: scan.beta },
    info: scan.info ?? info,
    split: scan.request.split,
    norm: scan.request.norm,
    values: { loss: scan.loss, accuracy: scan.accuracy, lossStdError: scan.lossStdError },
    trajectory: scan.trajectory,
    run: { spec: scan.run.spec, data: scan.run.data, seed: scan.run.seed },
    timing: { seconds: 0, workers: 0, points: scan.alpha.length * scan.beta.length },
  });
}

/** Writes `file` in `format`. */
export function renderSurface(file: SurfaceFile, format: ExportFormat, options: ExportOptions = {}): string | Uint8Array {
  const figure = { metric: options.metric, log: options.log, theme: options.theme, transparent: options.transparent, colormap: options.colormap };
  const mesh = { metric: options.metric, log: options.log, colormap: options.colormap };
  switch (format) {
    case 'svg-contour':
      return surfaceContourSvg(file, figure);
    case 'svg-3d':
      return surface3dSvg(file, figure);
    case 'csv':
      return surfaceCsv(file);
    case 'npz':
      return surfaceNpz(file);
    case 'vtk':
      return surfaceVts(file);
    case 'glb':
      return surfaceGlb(file, mesh);
    case 'obj':
      return surfaceObj(file, mesh);
    case 'stl':
      return surfaceStl(file, mesh);
    case 'html':
      return surfaceHtml(file, { ...figure, transparent: false });
    case 'json':
      return `${JSON.stringify(file)}\n`;
  }
}

function result(data: string | Uint8Array, format: ExportFormat): ExportResult {
  const out = { data, ...kinds[format] };
  return typeof data === 'string' ? out : transfer(out, [data.buffer as ArrayBuffer]);
}

export const exportEndpoint = {
  /** The surface file of a scanned surface (for project files). */
  surfaceFile(scan: ScannedSurface): SurfaceFile {
    return surfaceFileOfScan(scan);
  },
  /** A scanned surface written in `format`. */
  exportScan(scan: ScannedSurface, format: ExportFormat, options: ExportOptions = {}): ExportResult {
    return result(renderSurface(surfaceFileOfScan(scan), format, options), format);
  },
  /** The surface file of a loss-landscape .h5 file's bytes (Li et al.), to open in the app. */
  surfaceOfH5(bytes: Uint8Array, name: string): Promise<SurfaceFile> {
    return surfaceOfH5(bytes, name);
  },
  /** The run of a weights file's bytes (PyTorch safetensors or .npz, an ONNX MLP) on `data`, its hidden layers taking `activations` (one, or one per layer) where the file does not name them; to open in the app. */
  runOfWeights(bytes: Uint8Array, name: string, data: DataSpec, activations?: Activation[]): RunFile {
    const kind = weightsKindOf(name);
    if (!kind) throw new ImportError(`cannot tell what ${name} is from its extension: give a .safetensors, .npz or .onnx file`);
    return importedRunFile(readWeightsFile(bytes, kind, { activations }), data, name);
  },
  /** A surface file written in `format`. */
  exportFile(file: SurfaceFile, format: ExportFormat, options: ExportOptions = {}): ExportResult {
    return result(renderSurface(file, format, options), format);
  },
  /** gifStart, gifAdd, gifFinish, gifAbort: GIFs encoded here as the app sends their frames. */
  ...gifSessions(),
  /** webmStart, webmAdd, webmFinish, webmAbort: WebM videos encoded here as the app sends their frames. */
  ...webmSessions(),
};

/** The endpoint's type, for `wrap<ExportEndpoint>()`. */
export type ExportEndpoint = typeof exportEndpoint;
