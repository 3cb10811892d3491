// Numerical differentiation beside autodiff: forward (f(x+ε) − f(x))/ε and central
// (f(x+ε) − f(x−ε))/2ε differences, and their error against the exact derivative as ε
// shrinks. Truncation error falls with ε (as ε and ε²), round-off error grows as 1/ε, so the
// error on a log-log plot is a V with its best step near √u (forward) or ∛u (central).
import { ValueError } from '../errors.js';
import { evaluateExpression } from './ops.js';
import { forwardMode } from './forward.js';
import type { ComputationGraph } from './graph.js';
import { derivative } from './symbolic.js';
import { evaluateGraph, type EvaluationTrace } from './trace.js';

/** Unit round-off of float64, u = 2⁻⁵³: the relative error of one rounded operation. */
export const UNIT_ROUNDOFF = 2 ** -53;

export interface FiniteDifferencePoint {
  epsilon: number;
  /** The two estimates of the derivative. */
  forward: number;
  central: number;
  /** |estimate − exact|. */
  forwardError: number;
  centralError: number;
  /**
   * The textbook error model: truncation plus round-off, ε|f″|/2 + 2u|f|/ε (forward) and
   * ε²|f‴|/6 + u|f|/ε (central).
   */
  forwardModel: number;
  centralModel: number;
}

export interface FiniteDifferenceStudy {
  input: string;
  output: string;
  /** The input's value and the output's value there. */
  at: number;
  value: number;
  /** The exact derivative (forward mode). */
  exact: number;
  /** f″ and f‴ along the input (symbolic), for the error model. */
  second: number;
  third: number;
  /** From the largest step to the smallest. */
  points: FiniteDifferencePoint[];
  best: { forward: { epsilon: number; error: number }; central: { epsilon: number; error: number } };
}

export interface FiniteDifferenceOptions {
  /** log₁₀ of the largest and smallest step: −1 and −16 by default. */
  from?: number;
  to?: number;
  /** Steps per factor of ten: 4 by default. */
  perDecade?: number;
}

/** The finite-difference error of ∂output/∂input against the exact derivative, for ε on a log grid. */
export function finiteDifferences(
  graph: ComputationGraph,
  trace: EvaluationTrace,
  input: string,
  output: string,
  options: FiniteDifferenceOptions = {},
): FiniteDifferenceStudy {
  const { from = -1, to = -16, perDecade = 4 } = options;
  if (!(from > to) || !Number.isInteger(perDecade) || perDecade < 1) {
    throw new ValueError(`finite differences: need from > to and a whole number of steps per decade, got ${from}, ${to}, ${perDecade}`);
  }
  const out = graph.outputs.find((o) => o.name === output);
  if (!out) throw new ValueError(`"${output}" is not an output; the outputs are ${graph.outputs.map((o) => o.name).join(', ')}`);
  const exact = forwardMode(graph, trace, input).tangents[out.node];
  const at = trace.inputs[input];
  const value = trace.values[out.node];
  const f = (x: number) => evaluateGraph(graph, { ...trace.inputs, [input]: x }).values[out.node];
  const d2 = derivative(derivative(out.expr, input), input);
  const second = evaluateExpression(d2, trace.inputs);
  const third = evaluateExpression(derivative(d2, input), trace.inputs);
  const u = UNIT_ROUNDOFF;

  const count = Math.round((from - to) * perDecade) + 1;
  const points = Array.from({ length: count }, (_, i): FiniteDifferencePoint => {
    const epsilon = 10 ** (from - i / perDecade);
    const forward = (f(at + epsilon) - value) / epsilon;
    const central = (f(at + epsilon) - f(at - epsilon)) / (2 * epsilon);
    return {
      epsilon,
      forward,
      central,
      forwardError: Math.abs(forward - exact),
      centralError: Math.abs(central - exact),
      forwardModel: (epsilon * Math.abs(second)) / 2 + (2 * u * Math.abs(value)) / epsilon,
      centralModel: (epsilon ** 2 * Math.abs(third)) / 6 + (u * Math.abs(value)) / epsilon,
    };
  });
  const bestOf = (error: (p: FiniteDifferencePoint) => number) => {
    const p = points.reduce((b, q) => (error(q) < error(b) ? q : b));
    return { epsilon: p.epsilon, error: error(p) };
  };
  return {
    input,
    output,
    at,
    value,
    exact,
    second,
    third,
    points,
    best: { forward: bestOf((p) => p.forwardError), central: bestOf((p) => p.centralError) },
  };
}
