// Training and surface numbers as the panels print them.
import type { HistoryEntry } from '../../engine/train/trainer.js';
import { formatValue } from './ticks.js';

/** An accuracy in [0, 1] as a percentage: 0.96 → "96.0 %". */
export function formatPercent(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '–' : `${(value * 100).toFixed(1)} %`;
}

/** A loss for tables and status lines. */
export function formatLoss(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '–' : formatValue(value);
}

/** A number for the analysis read-outs: 3 significant digits, scientific when small or large. */
export function formatScalar(x: number): string {
  return x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e4) ? x.toExponential(2) : formatValue(x);
}

/** A one-line summary of the last history entry: "epoch 300 · loss 0.118 · accuracy 96.0 %". */
export function describeEntry(entry: HistoryEntry | undefined): string {
  if (!entry) return '';
  const parts = [`epoch ${Number(entry.epoch.toFixed(2))}`, `loss ${formatLoss(entry.loss)}`];
  if (entry.accuracy !== undefined) parts.push(`accuracy ${formatPercent(entry.accuracy)}`);
  if (entry.testLoss !== undefined) parts.push(`test loss ${formatLoss(entry.testLoss)}`);
  return parts.join(' · ');
}

/** A message as a sentence: its first letter capitalized. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
