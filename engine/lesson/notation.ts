// The lecture's notation as text: a₁ … aₙ, ȧₖ, āₖ, subscripted names (w₀), superscript
// exponents (a₅²) and constants as a lecturer writes them (½, −1).

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Digits as subscripts: 12 → '₁₂'. */
export function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]);
}

/** An integer as a superscript: −2 → '⁻²'. */
export function superscript(n: number): string {
  return String(n).replace('-', '⁻').replace(/\d/g, (d) => SUPERSCRIPTS[Number(d)]);
}

/** The k-th intermediate variable of the trace (k from 1): 'a₄'. */
export function nodeLabel(k: number): string {
  return `a${subscript(k)}`;
}

/** Its tangent in forward mode: 'ȧ₄'. */
export function tangentLabel(k: number): string {
  return `ȧ${subscript(k)}`;
}

/** Its adjoint in reverse mode: 'ā₄'. */
export function adjointLabel(k: number): string {
  return `ā${subscript(k)}`;
}

/** A variable name as the lecture writes it: trailing digits become subscripts (w0 → w₀). */
export function prettyName(name: string): string {
  return name.replace(/\d+$/, (digits) => digits.replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]));
}

const FRACTIONS = new Map([
  [0.5, '½'],
  [0.25, '¼'],
  [0.75, '¾'],
]);

/** A constant for display: 0.5 → '½', −3 → '−3', otherwise JavaScript's shortest form. */
export function prettyNumber(value: number): string {
  const sign = value < 0 || Object.is(value, -0) ? '−' : '';
  const magnitude = Math.abs(value);
  return sign + (FRACTIONS.get(magnitude) ?? String(magnitude).replace('e-', 'e−'));
}
