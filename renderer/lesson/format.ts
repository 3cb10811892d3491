// Numbers as the lesson shows them: six significant digits, a true minus sign, and words
// for what is not a number, so a projected table stays narrow and readable.

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A value with `digits` significant digits: 0.909297, −0.416147, 1.5e−7, NaN → 'undefined'. */
export function formatValue(value: number, digits = 6): string {
  if (Number.isNaN(value)) return 'undefined';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  const text =
    magnitude >= 1e-4 && magnitude < 1e6
      ? trimZeros(magnitude.toPrecision(digits))
      : magnitude.toExponential(digits - 1).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return (value < 0 ? '−' : '') + text.replace('e-', 'e−');
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A power of ten as 10 with a superscript exponent: −8 → '10⁻⁸'. */
export function powerOfTen(exponent: number): string {
  return `10${String(exponent).replace('-', '⁻').replace(/\d/g, (d) => SUPERSCRIPTS[Number(d)])}`;
}

/** A rule that wraps only before a + or − between terms: 'ȧ₄ = a₃·ȧ₂' stays on one line. */
export function breakableRule(rule: string): string {
  const nbsp = '\u00a0';
  return rule.replace(' = ', `${nbsp}=${nbsp}`).replace(/ ([+−]) /g, ` $1${nbsp}`);
}
