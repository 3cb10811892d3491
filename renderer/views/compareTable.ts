// The rows of the comparison table: what differs between the two runs, and how they ended.
import type { RunFile } from '../../engine/io/runFile.js';
import { formatLoss, formatPercent } from '../format/metrics.js';
import { valueAt } from '../landscape/display.js';
import { formatCount } from '../state/parameters.js';
import type { Variant } from '../state/variants.js';
import type { CompareSide } from '../session/types.js';

export interface CompareRow {
  label: string;
  values: [string, string];
  /** The row of the setting that was changed. */
  changed?: boolean;
}

/** P of a run file's model. */
export function parametersOf(run: RunFile): number {
  return run.layout.reduce((n, entry) => n + entry.shape.reduce((a, b) => a * b, 1), 0);
}

function surfaceStats(side: CompareSide): { center: number; min: number; max: number } | null {
  const s = side.surface;
  if (!s || s.status !== 'ready') return null;
  let min = Infinity;
  let max = -Infinity;
  for (const v of s.loss) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { center: valueAt({ alpha: s.alpha, beta: s.beta, values: s.loss }, 0, 0), min, max };
}

/** The table comparing two sides; cells read '–' until known. */
export function compareRows(variant: Variant, sides: readonly [CompareSide, CompareSide]): CompareRow[] {
  const both = (f: (side: CompareSide) => string): [string, string] => [f(sides[0]), f(sides[1])];
  const last = (side: CompareSide) => side.training?.history.at(-1);
  const stats = sides.map(surfaceStats);
  const pair = (a: string, b: string) => (b === '–' ? a : `${a} / ${b}`);
  return [
    { label: variant.setting, values: both((s) => variant.describe(s.settings)), changed: true },
    { label: 'parameters P', values: both((s) => (s.training?.run ? formatCount(parametersOf(s.training.run)) : s.training?.status ?? 'waiting')) },
    { label: 'final loss (train / test)', values: both((s) => pair(formatLoss(last(s)?.loss), formatLoss(last(s)?.testLoss))) },
    { label: 'accuracy (train / test)', values: both((s) => pair(formatPercent(last(s)?.accuracy), formatPercent(last(s)?.testAccuracy))) },
    { label: 'loss at θ* on the plane', values: [formatLoss(stats[0]?.center), formatLoss(stats[1]?.center)] },
    { label: 'loss range on the plane', values: stats.map((st) => (st ? `${formatLoss(st.min)} … ${formatLoss(st.max)}` : '–')) as [string, string] },
  ];
}
