// Is the first CSV record a header? Either scikit-learn's bundled-data header
// (`n_samples,n_features,class names…`) or a row of column names over numeric data.
import { cellNumber, type CsvRecord } from './csvRecords.js';

/** What a bundled-format header says: sample count, feature count and the class names. */
export interface BundledHeader {
  samples: number;
  features: number;
  classNames: string[];
}

/** The most common number of cells per record: the width a file's data rows should have. */
export function modalWidth(records: readonly CsvRecord[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const r of records) {
    const c = (counts.get(r.cells.length) ?? 0) + 1;
    counts.set(r.cells.length, c);
    if (c > bestCount) [best, bestCount] = [r.cells.length, c];
  }
  return best;
}

const isCount = (cell: string) => /^\d+$/.test(cell);

/**
 * Recognises the bundled format's header `n_samples,n_features,class names…`: two counts,
 * at least one class name, n_features + 1 cells in the data rows, and either text class
 * names or a sample count that matches the rows.
 */
export function bundledHeader(records: readonly CsvRecord[]): BundledHeader | null {
  if (records.length < 2) return null;
  const cells = records[0].cells;
  if (cells.length < 3 || !isCount(cells[0]) || !isCount(cells[1])) return null;
  const samples = Number(cells[0]);
  const features = Number(cells[1]);
  const rows = records.slice(1);
  if (features + 1 !== modalWidth(rows)) return null;
  const classNames = cells.slice(2);
  const textNames = classNames.some((c) => cellNumber(c) === null);
  return textNames || samples === rows.length ? { samples, features, classNames } : null;
}

/**
 * Detects a header of column names: a first row whose cells are all text, or one with text in
 * most of the columns where later rows hold numbers (so a typo in the first data row is
 * reported as a bad cell, not taken for a header). A single row is a header only if all text.
 */
export function detectHeader(records: readonly CsvRecord[]): boolean {
  const [first, ...rest] = records;
  if (first.cells.every((c) => cellNumber(c) === null)) return true;
  let text = 0;
  let numbers = 0;
  first.cells.forEach((cell, j) => {
    const below = rest.filter((r) => j < r.cells.length && cellNumber(r.cells[j]) !== null).length;
    if (below <= rest.length / 2) return; // a text column (labels): says nothing
    if (cellNumber(cell) === null) text++;
    else numbers++;
  });
  return text > numbers;
}
