// CSV import: text in, Dataset out, or one CsvError that lists every bad line at once.
// Nothing is dropped silently: a row is either read in full or reported.
import { LosscapeError } from '../errors.js';
import type { Dataset, Task } from './dataset.js';
import { bundledHeader, detectHeader, modalWidth } from './csvHeader.js';
import { binaryAt, cellNumber, csvRecords, detectDelimiter, type CsvRecord } from './csvRecords.js';
import { excerpt } from '../errors.js';

/** Options of `parseCsv`; every one has a default that suits a plain numeric CSV. */
export interface CsvOptions {
  /** The target column: its header name, or its 0-based index (negative counts from the end). Default: the last column. */
  target?: string | number;
  /** Default: classification if the target has text labels or ≤ 20 distinct integer values, else regression. */
  task?: Task;
  /** Whether the first row holds column names. Default: detected. */
  header?: boolean;
  /** The data set's name, used in messages. Default `csv`. */
  name?: string;
  /** Cell separator. Default: comma, semicolon or tab, whichever the first line uses most. */
  delimiter?: string;
}

/** One thing wrong with one line of a CSV file. */
export interface CsvProblem {
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

/** A CSV file that cannot be read as a data set; `problems` lists every bad line. */
export class CsvError extends LosscapeError {
  readonly problems: CsvProblem[];
  constructor(message: string, problems: CsvProblem[] = []) {
    super(message);
    this.problems = problems;
  }
}

/** Most distinct integer target values that still make a classification task by default. */
export const MAX_INFERRED_CLASSES = 20;

/** Most bad lines a CsvError's message lists. */
const MAX_LISTED_PROBLEMS = 20;

/**
 * Parses CSV text into a Dataset: x [n, d] from the feature columns, y [n, 1] from the target
 * column (class indices or numbers). Also reads the bundled format (`n_samples,n_features,class
 * names…` header, integer labels last). Throws CsvError listing every bad line.
 */
export function parseCsv(text: string, options: CsvOptions = {}): Dataset {
  const name = options.name ?? 'csv';
  const fail = (message: string, problems: CsvProblem[] = []): never => {
    throw new CsvError(`${name}: ${message}`, problems);
  };
  if (options.task !== undefined && options.task !== 'classification' && options.task !== 'regression') {
    fail(`task must be "classification" or "regression", got "${excerpt(String(options.task))}"`);
  }
  const binary = binaryAt(text);
  if (binary) {
    const what = binary.code === 0xfffd ? 'bytes that are not UTF-8 text' : `the control character 0x${binary.code.toString(16).padStart(2, '0')}`;
    fail(`the file does not look like CSV text: it holds ${what} at line ${binary.line}, column ${binary.column} (is it a binary file?); give a text file of comma-separated values`);
  }
  const { records, unclosed } = csvRecords(text, options.delimiter ?? detectDelimiter(text));
  if (unclosed) fail(`line ${unclosed.line}: a quoted cell opens here and never closes; add the closing quote (")`);
  if (records.length === 0) fail('the file is empty; a data set needs one row per sample: feature columns, then a target column');

  const bundled = options.header === false ? null : bundledHeader(records);
  const hasHeader = bundled !== null || (options.header ?? detectHeader(records));
  const rows = hasHeader ? records.slice(1) : records;
  if (rows.length === 0) fail('the file has a header row but no data rows');
  const width = bundled ? bundled.features + 1 : hasHeader ? records[0].cells.length : modalWidth(rows);
  if (width < 2) fail(`the file has one column; a data set needs at least one feature column and a target column (separated by commas)`);

  const names = columnNames(records[0], width, hasHeader && !bundled);
  const label = (j: number) => (hasHeader && !bundled ? `column "${excerpt(names[j])}"` : `column ${j + 1}`);
  const t = targetColumn(options.target, names, hasHeader && !bundled, width, fail);

  // Every row is checked in full, so that one error lists every bad line.
  const problems: CsvProblem[] = [];
  if (bundled && bundled.samples !== rows.length) {
    problems.push({ line: records[0].line, message: `the header says ${bundled.samples} samples but the file has ${rows.length} data rows` });
  }
  const d = width - 1;
  const features = new Float64Array(rows.length * d); // rows that turn out bad are overwritten
  const good: CsvRecord[] = [];
  for (const r of rows) {
    if (r.cells.length !== width) {
      problems.push({ line: r.line, message: `has ${r.cells.length} cells, expected ${width}${hasHeader && !bundled ? ' as in the header' : ''}` });
      continue;
    }
    let ok = true;
    let k = good.length * d;
    for (let j = 0; j < width; j++) {
      const cell = r.cells[j];
      const v = j === t || cell === '' ? null : cellNumber(cell);
      if (v !== null) features[k++] = v;
      else if (cell === '') problems.push({ line: r.line, message: `${label(j)}${j === t ? ' (the target)' : ''} is empty` });
      else if (j !== t) problems.push({ line: r.line, message: `${label(j)} is "${excerpt(cell)}", not a number` });
      ok &&= v !== null || (j === t && cell !== '');
    }
    if (ok) good.push(r);
  }

  const targets = rows.filter((r) => r.cells.length === width && r.cells[t] !== '').map((r) => r.cells[t]);
  const task = options.task ?? inferTask(targets, bundled !== null);
  const classes = task === 'classification' ? classMap(targets, bundled?.classNames) : null;
  for (const r of good) {
    const cell = r.cells[t];
    if (classes && !classes.index.has(classes.key(cell))) {
      problems.push({ line: r.line, message: `${label(t)} is "${excerpt(cell)}", not a class index 0…${classes.names.length - 1} (the header names ${classes.names.length} classes)` });
    } else if (!classes && cellNumber(cell) === null) {
      problems.push({ line: r.line, message: `${label(t)} (the target) is "${excerpt(cell)}", not a number as regression needs` });
    }
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line);
    // The message lists the first lines (all of them are in `problems`), so it stays readable.
    const shownLines = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `  line ${p.line}: ${p.message}`);
    if (problems.length > MAX_LISTED_PROBLEMS) shownLines.push(`  … and ${problems.length - MAX_LISTED_PROBLEMS} more`);
    const list = shownLines.join('\n');
    fail(`${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported. Fix these lines:\n${list}`, problems);
  }

  const n = good.length;
  const x = features.slice(0, n * d);
  const y = Float64Array.from(good, (r) => {
    const cell = r.cells[t];
    return classes ? (classes.index.get(classes.key(cell)) as number) : (cellNumber(cell) as number);
  });
  const featureNames = names.filter((_, j) => j !== t);
  return { name, task, featureNames, classNames: classes?.names ?? [], n, d, targetDim: 1, x, y };
}

/** Column names from the header row, `column 1`… for unnamed columns or without a header. */
function columnNames(first: CsvRecord, width: number, named: boolean): string[] {
  return Array.from({ length: width }, (_, j) => (named && first.cells[j] !== '' ? first.cells[j] : `column ${j + 1}`));
}

/** The target column's index from a name or a (possibly negative) index. */
function targetColumn(target: string | number | undefined, names: string[], named: boolean, width: number, fail: (m: string) => never): number {
  if (target === undefined) return width - 1;
  if (typeof target === 'number') {
    if (!Number.isInteger(target) || target < -width || target >= width) {
      fail(`target column ${target} does not exist: the file has ${width} columns, numbered 0 to ${width - 1}`);
    }
    return target < 0 ? width + target : target;
  }
  const wanted = target.trim();
  if (!named) fail(`target column "${excerpt(wanted)}" does not exist: the file has no header row of names; give the column's index (0 to ${width - 1})`);
  let found = names.flatMap((nm, j) => (nm === wanted ? [j] : []));
  if (found.length === 0) found = names.flatMap((nm, j) => (nm.toLowerCase() === wanted.toLowerCase() ? [j] : []));
  if (found.length === 0) fail(`target column "${excerpt(wanted)}" does not exist; the columns are ${excerpt(names.map((nm) => `"${nm}"`).join(', '), 200)}`);
  if (found.length > 1) fail(`target column "${excerpt(wanted)}" names ${found.length} columns (indices ${found.join(', ')}); give the index of the one you mean`);
  return found[0];
}

/** Classification for text labels, bundled labels or few distinct integers; regression otherwise. */
function inferTask(targets: string[], bundled: boolean): Task {
  if (bundled) return 'classification';
  const values = new Set<number>();
  for (const cell of targets) {
    const v = cellNumber(cell);
    if (v === null) return 'classification';
    if (!Number.isInteger(v)) return 'regression';
    values.add(v);
  }
  return values.size <= MAX_INFERRED_CLASSES ? 'classification' : 'regression';
}

/** Maps target cells to class indices: bundled names by their integer label, else distinct values in sorted order. */
function classMap(targets: string[], bundledNames: string[] | undefined) {
  const numeric = targets.every((c) => cellNumber(c) !== null);
  const key = (cell: string) => (numeric || bundledNames ? String(cellNumber(cell) ?? cell) : cell);
  if (bundledNames) return { key, names: bundledNames, index: new Map(bundledNames.map((_, k) => [String(k), k])) };
  const distinct = [...new Set(targets.map(key))];
  distinct.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { key, names: distinct, index: new Map(distinct.map((nm, k) => [nm, k])) };
}
