// The expression parser: precedence as in mathematics, several outputs, named statements,
// source text that parses back to the same tree, and errors that point at the right column.
import { describe, expect, it } from 'vitest';
import * as E from '../../../engine/index.js';
import { ExpressionError, evaluateExpression, formatExpression, parseExpression, type Expr } from '../../../engine/lesson/index.js';
import { randomExpr } from './randomExpressions.js';

const source = (text: string) => parseExpression(text).outputs.map((o) => formatExpression(o.expr)).join('; ');
const n = (value: number): Expr => ({ kind: 'number', value });
const v = (name: string): Expr => ({ kind: 'variable', name });

describe('parsing', () => {
  it('reads the lecture\'s loss as ½ times the squared residual', () => {
    const parsed = parseExpression('0.5*(w*x - y)^2');
    expect(parsed.inputs).toEqual(['w', 'x', 'y']);
    expect(parsed.outputs).toEqual([
      {
        name: 'f',
        named: false,
        expr: { kind: 'binary', op: 'mul', left: n(0.5), right: { kind: 'binary', op: 'pow', left: { kind: 'binary', op: 'sub', left: { kind: 'binary', op: 'mul', left: v('w'), right: v('x') }, right: v('y') }, right: n(2) } },
      },
    ]);
  });

  it('binds as in mathematics: -x^2 = -(x^2), a^b^c = a^(b^c), 2^-1, a - b - c = (a - b) - c', () => {
    const table: [string, string][] = [
      ['-x^2', '-x^2'],
      ['(-x)^2', '(-x)^2'],
      ['a^b^c', 'a^b^c'],
      ['(a^b)^c', '(a^b)^c'],
      ['2^-1', '2^(-1)'],
      ['a - b - c', 'a - b - c'],
      ['a - (b - c)', 'a - (b - c)'],
      ['a / b / c', 'a/b/c'],
      ['a / (b * c)', 'a/(b*c)'],
      ['a * -b', 'a*(-b)'],
      ['--x', '-(-x)'],
      ['+x', 'x'],
      ['-3', '-3'],
      ['2 ** 3 ** x', '2^3^x'],
      ['sin(x)^2 + cos(x)^2', 'sin(x)^2 + cos(x)^2'],
      ['.5e1 * 1E-3', '5*0.001'],
      ['w₁ · x − w₀', 'w₁*x - w₀'],
      ['2 × pi', `2*${Math.PI}`],
    ];
    for (const [text, expected] of table) expect(source(text), text).toBe(expected);
  });

  it('takes several outputs, split by ";" or new lines, and names the unnamed ones', () => {
    const parsed = parseExpression('y1 = sin(w1*x + w0); y2 = cos(w1*x + w0)');
    expect(parsed.outputs.map((o) => [o.name, o.named])).toEqual([
      ['y1', true],
      ['y2', true],
    ]);
    expect(parsed.inputs).toEqual(['w1', 'x', 'w0']);
    expect(parseExpression('x^2\nsin(x)\n\n(x\n + 1);').outputs.map((o) => o.name)).toEqual(['f1', 'f2', 'f3']);
    // An unnamed output never takes an input's name.
    expect(parseExpression('f * 2').outputs[0].name).toBe('_f');
  });

  it('takes any name that is not a function, even one JavaScript objects carry', () => {
    expect(parseExpression('toString * constructor + __proto__').inputs).toEqual(['toString', 'constructor', '__proto__']);
    expect(evaluateExpression(parseExpression('toString * constructor').outputs[0].expr, { toString: 2, constructor: 3 })).toBe(6);
    expect(() => evaluateExpression(parseExpression('toString').outputs[0].expr, {})).toThrow('no value for variable "toString"');
  });

  it('lets a named statement be used by later ones, as the same subtree', () => {
    const parsed = parseExpression('z = w*x + b; L = (sigmoid(z) - y)^2');
    expect(parsed.inputs).toEqual(['w', 'x', 'b', 'y']);
    const [z, L] = parsed.outputs;
    const inner = L.expr.kind === 'binary' && L.expr.left.kind === 'binary' && L.expr.left.left.kind === 'call' ? L.expr.left.left.arg : null;
    expect(inner).toBe(z.expr);
  });

  it('writes source text that parses back to the same tree (500 random expressions)', () => {
    const rng = E.createRng(11, 'round trip');
    for (let i = 0; i < 500; i++) {
      const expr = randomExpr(rng, 5);
      const text = formatExpression(expr);
      expect(parseExpression(text).outputs[0].expr, text).toEqual(expr);
    }
  });

  it('writes the lecture\'s notation in the pretty style', () => {
    const pretty = (text: string) => formatExpression(parseExpression(text).outputs[0].expr, 'pretty');
    expect(pretty('0.5*(w*x - y)^2')).toBe('½·(w·x − y)²');
    expect(pretty('sin(w1*x + w0)')).toBe('sin(w₁·x + w₀)');
    expect(pretty('x^-1 + x^0.5 - (-2)^3')).toBe('x⁻¹ + x^½ − (−2)³');
    expect(pretty('-(a*b) + a*(b*c)')).toBe('−a·b + a·b·c');
  });
});

describe('errors point at the problem', () => {
  /** [source, column, reason] — the column is 1-based, as the message says. */
  const cases: [string, number, string][] = [
    ['0.5*(w))', 8, 'unexpected ")"'],
    ['w*x + )', 7, 'unexpected ")"'],
    ['(w*x', 5, 'expected ")"'],
    ['sin(x', 6, 'expected ")"'],
    ['x + ', 5, 'unexpected end of expression'],
    ['x $ 2', 3, 'unexpected character "$"'],
    ['2x + 1', 2, 'missing operator before "x"'],
    ['2 (y)', 3, 'missing operator before "("'],
    ['x (y)', 1, 'unknown function "x"'],
    ['sin x', 1, '"sin" is a function'],
    ['3 * foo(x)', 5, 'unknown function "foo"'],
    ['a +* 2', 4, 'unexpected "*"'],
    ['x = x + 1', 5, '"x" is used in its own definition'],
    ['L = z^2; z = x', 10, '"z" is assigned after its use as an input'],
    ['a = 1; a = 2', 8, '"a" is assigned twice'],
    ['exp = 2', 1, '"exp" is a built-in name'],
    ['1e400 * x', 1, 'the number 1e400 is too large'],
    ['  ', 3, 'empty expression'],
    ['x = ', 5, 'unexpected end of expression'],
  ];
  for (const [text, column, reason] of cases) {
    it(`${JSON.stringify(text)}: ${reason} at column ${column}`, () => {
      let error: unknown = null;
      try {
        parseExpression(text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ExpressionError);
      const err = error as ExpressionError;
      expect(err.reason).toBe(reason);
      expect(err.column).toBe(column);
      expect(err.position).toBe(column - 1);
      const [first, line, caret] = err.message.split('\n');
      expect(first.startsWith(`${reason} at column ${column}`)).toBe(true);
      expect(line).toBe(text);
      expect(caret).toBe(`${' '.repeat(column - 1)}^`);
    });
  }

  it('names the line of a multi-line expression and shows only that line', () => {
    const text = 'a = w*x\nb = a +* 2';
    expect(() => parseExpression(text)).toThrow('unexpected "*" at line 2, column 8: expected a number, a name or "("\nb = a +* 2\n       ^');
    try {
      parseExpression(text);
    } catch (e) {
      const err = e as ExpressionError;
      expect([err.line, err.column, err.position]).toEqual([2, 8, 15]);
    }
  });

  it('says where the unclosed parenthesis opened', () => {
    expect(() => parseExpression('0.5*(w*x - y^2')).toThrow('expected ")" at column 15: to close the "(" at column 5, found end of expression');
  });

  it('is a LosscapeError, so the app can tell it from a bug', () => {
    expect(() => parseExpression(')')).toThrow(E.LosscapeError);
  });
});
