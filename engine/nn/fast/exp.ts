// e^x in plain arithmetic, for the kernels' inner loops: V8's Math.exp is a call out of
// compiled code and costs several times more, and softmax and the logistic unit spend most
// of a grid point's time in it. exp(x) = 2^(k/64)·e^r with k = round(64·x/ln 2) and
// |r| ≤ ln 2/128, where a degree-6 Taylor polynomial is exact to double precision; the
// result is within a few ulp of Math.exp (tests hold it to that) and, being plain IEEE
// arithmetic, the same on every machine.

const STEPS = 64;
const STEPS_PER_LN2 = STEPS / Math.LN2;
/** ln 2 / 64 in two parts (fdlibm's split of ln 2): the first has 21 trailing zero bits, so k·HI is exact. */
const LN2_STEP_HI = 6.93147180369123816490e-1 / STEPS;
const LN2_STEP_LO = 1.90821492927058770002e-10 / STEPS;
/** Adding and subtracting 1.5·2⁵² rounds a double of magnitude below 2⁵¹ to the nearest integer. */
const ROUND = 6755399441055744;
/** 2^(i/64) for i = 0 … 63 (the WebAssembly kernels' e^x reads it too). */
export const EXP_FRACTION = Float64Array.from({ length: STEPS }, (_, i) => 2 ** (i / STEPS));
const MIN_EXPONENT = -1100;
/** 2^e for e = MIN_EXPONENT … 1099. */
const POWER = Float64Array.from({ length: 2200 }, (_, i) => 2 ** (i + MIN_EXPONENT));

/** e^x; outside (−700, 700) (and for NaN) it defers to Math.exp, which handles overflow, underflow to subnormals and NaN. */
export function exp(x: number): number {
  if (!(x > -700 && x < 700)) return Math.exp(x);
  const kf = x * STEPS_PER_LN2 + ROUND - ROUND;
  const r = x - kf * LN2_STEP_HI - kf * LN2_STEP_LO;
  const k = kf | 0;
  const q = r * (1 + r * (1 / 2 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720))))));
  const s = EXP_FRACTION[k & (STEPS - 1)] * POWER[(k >> 6) - MIN_EXPONENT];
  return s + s * q;
}
