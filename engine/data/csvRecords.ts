// Splits CSV text into records of cells, remembering the line each record starts on, so that
// every error can name it. RFC 4180 quoting ("a, b" and "" for a quote), any line ending.

/** One CSV record: its cells (unquoted, unquoted ones trimmed) and its 1-based first line. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A quoted cell that never closes: the line it starts on. */
export interface UnclosedQuote {
  line: number;
}

/** Guesses the delimiter from the first non-empty line: comma, semicolon or tab, most frequent wins. */
export function detectDelimiter(text: string): string {
  const first = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const counts = [',', ';', '\t'].map((c) => [c, first.split(c).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/**
 * Splits text into records. Lines that are empty or only whitespace are not records.
 * Returns the records and, if a quote is never closed, where it opened.
 */
export function csvRecords(text: string, delimiter = ','): { records: CsvRecord[]; unclosed: UnclosedQuote | null } {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false; // the current cell was quoted: keep its spaces
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
  const endCell = () => {
    cells.push(quoted ? cell : cell.trim());
    cell = '';
    quoted = false;
  };
  const endRecord = () => {
    endCell();
    if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });
    cells = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && cell.trim() === '' && !quoted) {
      // A quoted cell: read to the closing quote, across line breaks.
      const start = line;
      cell = '';
      quoted = true;
      i++;
      for (;;) {
        if (i >= text.length) return { records, unclosed: { line: start } };
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        cell += c;
        i++;
      }
      // Spaces after the closing quote are dropped; other text is kept (it makes the cell invalid).
      while (text[i] === ' ' && delimiter !== ' ') i++;
      continue;
    }
    if (ch === delimiter) {
      endCell();
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || cells.length > 0 || quoted) endRecord();
  return { records, unclosed: null };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The finite number a cell spells (`5.1`, `-2e-3`, `.5`), or null for anything else (`abc`, `NaN`, ``). */
export function cellNumber(cell: string): number | null {
  if (!NUMBER.test(cell)) return null;
  const v = Number(cell);
  return Number.isFinite(v) ? v : null;
}

/** Where text stops looking like CSV: a control character other than tab and line breaks, or U+FFFD (bytes that were not UTF-8). */
export function binaryAt(text: string): { line: number; column: number; code: number } | null {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const bad = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/.exec(text);
  if (!bad) return null;
  const before = text.slice(0, bad.index);
  const lines = before.split(/\r\n|\n|\r/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1, code: bad[0].charCodeAt(0) };
}
