// The autodiff lesson as a comlink endpoint: a plain object, the same in a Web Worker
// (lesson.worker.ts) and in a test. It parses the expression, runs the whole lesson bundle
// and answers with plain data; a bad expression is an answer too (with its position), not a
// thrown error, so the column survives the trip across the worker boundary.
import { LosscapeError } from '../engine/errors.js';
import {
  autodiffLesson,
  backpropPattern,
  ExpressionError,
  expressionSwell,
  parseExpression,
  type AutodiffLesson,
  type BackpropPattern,
  type SwellRow,
  type SymbolicDerivative,
} from '../engine/lesson/index.js';
import { validateSpec, type MlpSpec } from '../engine/nn/index.js';

/** What the lesson view asks for: the source, the values it knows, and the seeds it picked. */
export interface LessonRequest {
  source: string;
  /** Values by input name; inputs missing here get `fallback`. */
  values: Readonly<Record<string, number>>;
  /** The value of an input the request has none for (default 1). */
  fallback?: number;
  /** Forward mode's input and reverse mode's output; the first one when absent or not in the expression. */
  wrt?: string | null;
  of?: string | null;
}

/** The lesson bundle as sent to the view: the symbolic derivative without its (possibly huge) tree. */
export interface LessonData extends Omit<AutodiffLesson, 'symbolic'> {
  symbolic: Omit<SymbolicDerivative, 'derivative'>;
  /** Every input's value, as used (the request's, or the fallback). */
  values: Record<string, number>;
}

/** Why there is no lesson: a bad expression points at its position; anything else is a message. */
export type LessonProblem =
  | { kind: 'expression'; message: string; reason: string; hint: string; source: string; position: number; line: number; column: number }
  | { kind: 'value'; message: string };

export type LessonResponse = { ok: true; lesson: LessonData } | { ok: false; problem: LessonProblem };

/** The lecture's two-layer network: 2 inputs → 2 logistic hidden units → 1 linear output, loss ½(ŷ − y)². */
export interface LectureNetwork {
  spec: MlpSpec;
  /** θ = (W⁽¹⁾ row by row, b⁽¹⁾, W⁽²⁾, b⁽²⁾). */
  theta: number[];
  sample: { x: number[]; target: number[] };
}

export const lectureNetwork: LectureNetwork = {
  spec: { inputs: 2, hidden: [{ width: 2, activation: 'logistic', batchNorm: false }], outputs: 1, loss: 'mse', bias: true, residual: 0, weightDecay: 0 },
  theta: [0.5, -0.3, 0.8, 0.2, 0.1, -0.4, 1.5, -2, 0.3],
  sample: { x: [1.2, -0.7], target: [0.25] },
};

/**
 * The order of a₁ … aₘ: inputs sorted by name, digits by value (w₀, w₁, x as the lecture
 * numbers them; w, x, y for ½(wx − y)²).
 */
export function lectureInputOrder(inputs: readonly string[]): string[] {
  return [...inputs].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

function problemOf(error: unknown): LessonProblem {
  if (error instanceof ExpressionError) {
    const { message, reason, hint, source, position, line, column } = error;
    return { kind: 'expression', message, reason, hint, source, position, line, column };
  }
  if (error instanceof LosscapeError) return { kind: 'value', message: error.message };
  throw error; // a bug, not a bad expression: let the caller see it
}

export const lessonEndpoint = {
  /** The whole lesson for `request.source` at its values, or the problem with the expression. */
  lesson(request: LessonRequest): LessonResponse {
    try {
      const parsed = parseExpression(request.source);
      const inputOrder = lectureInputOrder(parsed.inputs);
      const values = Object.fromEntries(inputOrder.map((name) => [name, request.values[name] ?? request.fallback ?? 1]));
      const outputs = parsed.outputs.map((o) => o.name);
      const wrt = request.wrt && inputOrder.includes(request.wrt) ? request.wrt : undefined;
      const of = request.of && outputs.includes(request.of) ? request.of : undefined;
      const full = autodiffLesson(request.source, { values, inputOrder, wrt, of });
      const { output, input, text, source, expressionSize, derivativeSize, graphOperations } = full.symbolic;
      const symbolic = { output, input, text, source, expressionSize, derivativeSize, graphOperations };
      return { ok: true, lesson: { ...full, symbolic, values } };
    } catch (error) {
      return { ok: false, problem: problemOf(error) };
    }
  },

  /** Expression swell on the logistic map, n = 1 … maxDepth. */
  swell(maxDepth = 8): SwellRow[] {
    return expressionSwell(maxDepth);
  },

  /** "Error from above × input from below" for every weight of the lecture's two-layer network. */
  backprop(): { network: LectureNetwork; pattern: BackpropPattern } {
    const { spec, theta, sample } = lectureNetwork;
    return { network: lectureNetwork, pattern: backpropPattern(validateSpec(spec), Float64Array.from(theta), sample) };
  },
};

/** The endpoint's type, for `wrap<LessonEndpoint>()` on the calling side. */
export type LessonEndpoint = typeof lessonEndpoint;
