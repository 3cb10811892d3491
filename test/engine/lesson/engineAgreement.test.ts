// Acceptance: the lesson's forward-mode tangents and reverse-mode adjoints equal the engine's
// jvp and vjp on random expressions, and its symbolic derivatives agree with both.
import { describe, expect, it } from 'vitest';
import * as E from '../../../engine/index.js';
import {
  buildGraph,
  derivative,
  evaluateExpression,
  evaluateGraph,
  formatExpression,
  forwardMode,
  opRules,
  reverseMode,
  type Expr,
  type ForwardPass,
  type ParsedExpression,
  type ReversePass,
} from '../../../engine/lesson/index.js';
import { VARIABLES, engineFunction, randomExpr, wellPosed } from './randomExpressions.js';

const CASES = 300;

/**
 * |actual − expected| within `tol` relative to the size of the computation: the larger of
 * |expected| and `scale`, the same chain rule run on absolute values (Σ|∂a_k/∂a_j|·|ȧ_j|).
 * Where terms cancel exactly (u/u, a derivative that is 0 in exact arithmetic) both sides
 * keep a rounding residue of that size, and a bare relative test could never pass.
 */
function expectClose(actual: number, expected: number, tol: number, what: string, scale = 0) {
  const bound = tol * Math.max(Math.abs(expected), scale);
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(bound);
}

/** The forward pass on absolute values: the magnitude each tangent was summed from. */
function forwardScale(pass: ForwardPass): number[] {
  const s: number[] = [];
  for (const step of pass.steps) s[step.node] = step.terms.length === 0 ? Math.abs(step.tangent) : step.terms.reduce((t, c) => t + Math.abs(c.partial) * s[c.operand], 0);
  return s;
}

/** The reverse pass on absolute values. */
function reverseScale(pass: ReversePass): number[] {
  const s = pass.adjoints.map(() => 0);
  s[pass.steps[0].node] = 1;
  for (const step of pass.steps) for (const c of step.contributions) s[c.operand] += Math.abs(c.partial) * s[step.node];
  return s;
}

interface Case {
  parsed: ParsedExpression;
  values: Record<string, number>;
}

/** Random well-posed programs of one to three outputs; the later outputs reuse parts of the first (shared nodes). */
function randomCases(seed: number, count: number): Case[] {
  const rng = E.createRng(seed, 'lesson expressions');
  const cases: Case[] = [];
  while (cases.length < count) {
    const values = Object.fromEntries(VARIABLES.map((name) => [name, Math.round((rng.uniform() * 3 - 1.5) * 1000) / 1000]));
    const first = randomExpr(rng, 4);
    const outputs: Expr[] = [first];
    const extra = rng.int(3);
    for (let i = 0; i < extra; i++) {
      const reuse = first.kind === 'binary' ? first.left : first.kind === 'number' || first.kind === 'variable' ? first : first.arg;
      outputs.push({ kind: 'binary', op: 'mul', left: reuse, right: randomExpr(rng, 2) });
    }
    if (!outputs.every((o) => wellPosed(o, values))) continue;
    const parsed: ParsedExpression = {
      source: outputs.map((o) => formatExpression(o)).join('; '),
      outputs: outputs.map((expr, i) => ({ name: `y${i + 1}`, named: true, expr })),
      inputs: VARIABLES,
    };
    cases.push({ parsed, values });
  }
  return cases;
}

describe('the lesson agrees with the engine on random expressions', () => {
  const cases = randomCases(7, CASES);
  const scalar = (v: number) => E.tensor(v);

  it('the random expressions use every elementary operation', () => {
    const ops = new Set<string>(cases.flatMap(({ parsed }) => buildGraph(parsed, VARIABLES).nodes.map((n) => n.op)));
    const missing = Object.keys(opRules).filter((op) => op !== 'step' && !ops.has(op));
    expect(missing).toEqual([]);
  });

  it(`forward mode: ȧ of every output equals the engine's jvp, for every input seed (${CASES} expressions)`, () => {
    for (const { parsed, values } of cases) {
      const graph = buildGraph(parsed, VARIABLES);
      const trace = evaluateGraph(graph, values);
      const primals = VARIABLES.map((name) => scalar(values[name]));
      VARIABLES.forEach((input, k) => {
        const pass = forwardMode(graph, trace, input);
        const scale = forwardScale(pass);
        parsed.outputs.forEach((out, o) => {
          const tangents = VARIABLES.map((_, j) => scalar(j === k ? 1 : 0));
          const [y, dy] = E.jvp(engineFunction(out.expr, VARIABLES), primals, tangents);
          expectClose(trace.outputs[o].value, E.item(y), 1e-12, `${parsed.source}: value of ${out.name}`);
          expectClose(pass.derivatives[o].value, E.item(dy), 1e-12, `${parsed.source}: ∂${out.name}/∂${input}`, scale[graph.outputs[o].node]);
        });
      });
    }
  });

  it(`reverse mode: ā of every input equals the engine's vjp, for every output seed (${CASES} expressions)`, () => {
    for (const { parsed, values } of cases) {
      const graph = buildGraph(parsed, VARIABLES);
      const trace = evaluateGraph(graph, values);
      const primals = VARIABLES.map((name) => scalar(values[name]));
      for (const out of parsed.outputs) {
        const pass = reverseMode(graph, trace, out.name);
        const scale = reverseScale(pass);
        const [, pullback] = E.vjp(engineFunction(out.expr, VARIABLES), primals);
        const grads = pullback(scalar(1));
        VARIABLES.forEach((input, j) => expectClose(pass.derivatives[j].value, E.item(grads[j]), 1e-12, `${parsed.source}: ∂${out.name}/∂${input}`, scale[j]));
      }
    }
  });

  it('forward and reverse mode give the same Jacobian', () => {
    for (const { parsed, values } of cases.slice(0, 100)) {
      const graph = buildGraph(parsed, VARIABLES);
      const trace = evaluateGraph(graph, values);
      const forward = VARIABLES.map((input) => forwardMode(graph, trace, input));
      for (const out of parsed.outputs) {
        const reverse = reverseMode(graph, trace, out.name);
        const scale = reverseScale(reverse);
        VARIABLES.forEach((input, j) => {
          const f = forward[j].derivatives.find((d) => d.output === out.name)!.value;
          expectClose(reverse.derivatives[j].value, f, 1e-12, `${parsed.source}: ∂${out.name}/∂${input}`, scale[j]);
        });
      }
    }
  });

  it('the symbolic derivative evaluates to the forward-mode derivative', () => {
    for (const { parsed, values } of cases.slice(0, 150)) {
      const graph = buildGraph(parsed, VARIABLES);
      const trace = evaluateGraph(graph, values);
      for (const input of VARIABLES) {
        const pass = forwardMode(graph, trace, input);
        const scale = forwardScale(pass);
        parsed.outputs.forEach((out, o) => {
          const symbolic = evaluateExpression(derivative(out.expr, input), values);
          const what = `${parsed.source}: d${out.name}/d${input} = ${formatExpression(derivative(out.expr, input))}`;
          expectClose(symbolic, pass.derivatives[o].value, 1e-12, what, scale[graph.outputs[o].node]);
        });
      }
    }
  });
});
