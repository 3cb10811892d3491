// The rows of the comparison table: what differs between the runs, and how they ended.
import type { RunFile } from '../../engine/io/runFile.js';
import { formatLoss, formatPercent } from '../format/metrics.js';
import { valueAt } from '../landscape/display.js';
import { formatCount } from '../state/parameters.js';
import type { Variant } from '../state/variants.js';
import type { CompareSide, SpectrumJob } from '../session/types.js';

export interface CompareRow {
  label: string;
  /** One cell per run. */
  values: string[];
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

/** λ_max of the Hessian at a side's θ*, when the spectrum was computed for that run. */
function sharpnessOf(side: CompareSide, spectrum: SpectrumJob | null): number | undefined {
  return spectrum?.report && side.training && spectrum.trainingId === side.training.id ? spectrum.report.top[0] : undefined;
}

/** The table comparing the sides; cells read '–' until known. Sharpness (λ_max) is shown where a spectrum of a side's run exists. */
export function compareRows(variant: Variant, sides: readonly CompareSide[], spectrum: SpectrumJob | null = null): CompareRow[] {
  const both = (f: (side: CompareSide) => string): string[] => sides.map(f);
  const last = (side: CompareSide) => side.training?.history.at(-1);
  const stats = sides.map(surfaceStats);
  const pair = (a: string, b: string) => (b === '–' ? a : `${a} / ${b}`);
  return [
    { label: variant.setting, values: both((s) => variant.describe(s.settings)), changed: true },
    { label: 'parameters P', values: both((s) => (s.training?.run ? formatCount(parametersOf(s.training.run)) : s.training?.status ?? 'waiting')) },
    { label: 'final loss (train / test)', values: both((s) => pair(formatLoss(last(s)?.loss), formatLoss(last(s)?.testLoss))) },
    { label: 'accuracy (train / test)', values: both((s) => pair(formatPercent(last(s)?.accuracy), formatPercent(last(s)?.testAccuracy))) },
    { label: 'loss at θ* on the plane', values: stats.map((st) => formatLoss(st?.center)) },
    { label: 'loss range on the plane', values: stats.map((st) => (st ? `${formatLoss(st.min)} … ${formatLoss(st.max)}` : '–')) },
    ...(sides.some((side) => sharpnessOf(side, spectrum) !== undefined) ? [{ label: 'sharpness λ_max', values: both((side) => formatLoss(sharpnessOf(side, spectrum))) }] : []),
  ];
}
