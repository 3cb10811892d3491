// Where the axes, the floor grid and their labels go for a given plot box. The f axis stands
// at the corner (xMin, yMin); x is labelled along the front edge, y along the right edge.
import { formatTick, niceStep, niceTicks, valueTicks, type ValueTick } from '../format/ticks.js';
import { BOX_HALF_WIDTH, BOX_HEIGHT, FLOOR_Y, worldX, worldY, worldZ, type SceneFrame } from './frame.js';

type Vec3 = [number, number, number];

/** A text label anchored at a world position. */
export interface AxisLabel {
  key: string;
  position: Vec3;
  text: string;
  kind: 'tick' | 'title';
}

/** Line segments (pairs of points) of the axes, and their labels. */
export interface AxesLayout {
  /** Faint floor grid lines at the x and y ticks. */
  grid: Float32Array;
  /** The floor's outline, the f axis and its tick marks. */
  frame: Float32Array;
  labels: AxisLabel[];
}

const W = BOX_HALF_WIDTH;
const LABEL_GAP = 0.14;
const TITLE_GAP = 0.34;
const TICK_MARK = 0.04;

/** What the axes are called, and how the value axis is ticked. */
export interface AxesOptions {
  titles: { x: string; y: string; f: string };
  /** Ticks of the value axis in plotted units (default: round values of f). */
  fTicks?: ValueTick[];
}

const defaultOptions: AxesOptions = { titles: { x: 'x', y: 'y', f: 'f' } };

/** Lays out the axes of `frame`, about `target` ticks per axis. */
export function axesLayout(frame: SceneFrame, target = 5, options: AxesOptions = defaultOptions): AxesLayout {
  const { titles } = options;
  const grid: number[] = [];
  const lines: number[] = [];
  const labels: AxisLabel[] = [];
  const F = FLOOR_Y;

  const xStep = niceStep(frame.xMin, frame.xMax, target);
  for (const x of niceTicks(frame.xMin, frame.xMax, target)) {
    const X = worldX(frame, x);
    grid.push(X, F, -W, X, F, W);
    labels.push({ key: `x${x}`, position: [X, F, W + LABEL_GAP], text: formatTick(x, xStep), kind: 'tick' });
  }
  const yStep = niceStep(frame.yMin, frame.yMax, target);
  for (const y of niceTicks(frame.yMin, frame.yMax, target)) {
    const Z = worldZ(frame, y);
    grid.push(-W, F, Z, W, F, Z);
    labels.push({ key: `y${y}`, position: [W + LABEL_GAP, F, Z], text: formatTick(y, yStep), kind: 'tick' });
  }
  labels.push({ key: 'x-title', position: [0, F, W + TITLE_GAP], text: titles.x, kind: 'title' });
  labels.push({ key: 'y-title', position: [W + TITLE_GAP, F, 0], text: titles.y, kind: 'title' });

  // The floor's outline.
  lines.push(-W, F, -W, W, F, -W, W, F, -W, W, F, W, W, F, W, -W, F, W, -W, F, W, -W, F, -W);
  // The f axis, with a tick mark and a label per f tick.
  lines.push(-W, F, W, -W, BOX_HEIGHT, W);
  const fTicks = options.fTicks ?? (frame.fMax > frame.fMin ? valueTicks(frame.fMin, frame.fMax, false, target) : [{ at: frame.fMin, label: formatTick(frame.fMin, 1) }]);
  for (const { at, label } of fTicks) {
    const Y = worldY(frame, at);
    lines.push(-W, Y, W, -W - TICK_MARK, Y, W + TICK_MARK);
    labels.push({ key: `f${at}`, position: [-W - LABEL_GAP, Y, W + LABEL_GAP], text: label, kind: 'tick' });
  }
  labels.push({ key: 'f-title', position: [-W, BOX_HEIGHT + 0.16, W], text: titles.f, kind: 'title' });

  return { grid: new Float32Array(grid), frame: new Float32Array(lines), labels };
}
