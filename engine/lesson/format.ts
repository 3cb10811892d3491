// Expressions back to text: 'source' is ASCII that parses back to the same tree
// (0.5*(w*x - y)^2); 'pretty' is how the lecture writes it (½·(w·x − y)², w₀, x⁻¹).
import type { Expr } from './expression.js';
import { prettyName, prettyNumber, superscript } from './notation.js';

export type FormatStyle = 'source' | 'pretty';

const SYMBOLS = {
  source: { add: ' + ', sub: ' - ', mul: '*', div: '/', pow: '^', neg: '-' },
  pretty: { add: ' + ', sub: ' − ', mul: '·', div: '/', pow: '^', neg: '−' },
};

/** Binding strength: sums 1, products 2, unary minus 3, powers 4, atoms 5. */
function precedence(e: Expr): number {
  switch (e.kind) {
    case 'number':
      return e.value < 0 || Object.is(e.value, -0) ? 3 : 5;
    case 'variable':
    case 'call':
      return 5;
    case 'neg':
      return 3;
    case 'binary':
      return e.op === 'pow' ? 4 : e.op === 'mul' || e.op === 'div' ? 2 : 1;
  }
}

/** Operands need at least this strength; a right operand is one stronger (left-associative), except for ^. */
const MIN_LEFT = { add: 1, sub: 1, mul: 2, div: 2, pow: 5 };
const MIN_RIGHT = { add: 2, sub: 2, mul: 3, div: 3, pow: 4 };

const isNegative = (e: Expr) => precedence(e) === 3;

function formatNumber(value: number, style: FormatStyle): string {
  if (style === 'pretty') return Number.isFinite(value) ? prettyNumber(value) : Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : '−∞';
  if (Number.isFinite(value)) return Object.is(value, -0) ? '-0' : String(value);
  return Number.isNaN(value) ? '(0/0)' : value > 0 ? '(1/0)' : '(-1/0)';
}

/** An expression as text in the given style. */
export function formatExpression(e: Expr, style: FormatStyle = 'source'): string {
  const sym = SYMBOLS[style];
  const pretty = style === 'pretty';
  const wrap = (x: Expr, min: number, right = false) => {
    const text = show(x);
    return precedence(x) < min || (right && isNegative(x)) ? `(${text})` : text;
  };
  // Source text keeps the tree exactly (a + (b + c) stays so); pretty text drops the
  // parentheses that associativity makes redundant, and writes −(a·b) as −a·b.
  const rightMin = (op: Expr & { kind: 'binary' }) =>
    pretty && op.right.kind === 'binary' && ((op.op === 'add' && op.right.op === 'add') || (op.op === 'mul' && op.right.op === 'mul'))
      ? MIN_LEFT[op.op]
      : MIN_RIGHT[op.op];
  const show = (x: Expr): string => {
    switch (x.kind) {
      case 'number':
        return formatNumber(x.value, style);
      case 'variable':
        return style === 'pretty' ? prettyName(x.name) : x.name;
      case 'call':
        return `${x.fn}(${show(x.arg)})`;
      case 'neg': {
        const product = pretty && x.arg.kind === 'binary' && (x.arg.op === 'mul' || x.arg.op === 'div');
        const text = wrap(x.arg, product ? 2 : 4);
        return sym.neg + (text.startsWith(sym.neg) ? `(${text})` : text);
      }
      case 'binary': {
        const left = wrap(x.left, MIN_LEFT[x.op]);
        const r = x.right;
        if (pretty && x.op === 'pow' && r.kind === 'number' && Number.isInteger(r.value) && Math.abs(r.value) < 100) {
          return left + superscript(r.value);
        }
        return left + sym[x.op] + wrap(r, rightMin(x), true);
      }
    }
  };
  return show(e);
}
