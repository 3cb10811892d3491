// The results as an aligned Markdown table, plus the notes that say how to read it.
import { TOLERANCE, type CaseResult } from './types.js';

export function formatFigure(x: number): string {
  if (x >= 100) return Math.round(x).toLocaleString('en-US');
  return x.toPrecision(3);
}

function formatError(e: number | null): string {
  if (e === null) return '—';
  return e === 0 ? '0' : e.toExponential(1);
}

/** Markdown with padded columns; numeric columns right-aligned. */
export function markdownTable(header: string[], rows: string[][], rightAligned: boolean[]): string {
  const width = header.map((h, c) => Math.max(3, h.length, ...rows.map((r) => r[c].length)));
  const pad = (s: string, c: number): string => (rightAligned[c] ? s.padStart(width[c]) : s.padEnd(width[c]));
  const line = (cells: string[]): string => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `|${width.map((w, c) => (rightAligned[c] ? ` ${'-'.repeat(w - 1)}: ` : ` ${'-'.repeat(w)} `)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function resultsTable(results: CaseResult[]): string {
  const header = ['case', 'contender', 'precision', 'figure', 'ratio vs Losscape', 'spread', 'check error'];
  const rows: string[][] = [];
  for (const c of results) {
    c.contenders.forEach((r, i) => {
      rows.push([
        i === 0 ? c.title : '',
        r.contender,
        r.precision,
        r.figure === null ? `— (${r.skipped ?? 'skipped'})` : `${formatFigure(r.figure)} ${c.unit}`,
        r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
        r.measurement ? `±${((r.measurement.spread / 2) * 100).toFixed(0)}%` : '—',
        formatError(r.maxError),
      ]);
    });
  }
  return markdownTable(header, rows, [false, false, false, true, true, true, true]);
}

export const READING_NOTES = [
  'Every figure is a throughput: higher is better.',
  "ratio vs Losscape = the contender's figure ÷ Losscape's figure for the same case, measured in the same run: " +
    '2.00× means that contender is twice as fast as Losscape, 0.50× means Losscape is twice as fast.',
  'Losscape and numpy compute in float64; TensorFlow.js has no float64 on these backends, so its rows are float32 ' +
    '(half the memory traffic, and twice the SIMD width on wasm): not a like-for-like precision.',
  'figure: median over timed batches of the per-call time, after a warm-up; spread: ±half the interquartile ' +
    'range of the batches relative to the median (large = a noisy machine; rerun).',
  'check error: max|out − ref| / max|ref| over all outputs, against an independent plain-TypeScript float64 ' +
    `reference, checked before timing (tolerance ${TOLERANCE.float64.toExponential(0)} for float64, ${TOLERANCE.float32.toExponential(0)} for float32, unless a case's note says otherwise); ` +
    'a contender that fails is not timed and the run exits non-zero.',
];
