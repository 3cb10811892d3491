/**
 * `losscape symmetry`: applies symmetries to a run's parameters and proves the loss is
 * unchanged; counts the equivalent optima; aligns another run by weight matching; measures
 * the loss barrier on straight lines and fits a Bezier curve between optima; writes the plane
 * through the run, the curve's endpoint and a third point for `losscape surface`.
 */
import { Option, type Command } from 'commander';
import { fromData } from '../../engine/index.js';
import {
  applySymmetry,
  canonicalForm,
  checkInvariance,
  countEquivalentOptima,
  describeTransform,
  fitBezierCurve,
  groupOf,
  linearPath,
  permuteHiddenUnits,
  planeBounds,
  planeThroughPoints,
  randomPermutation,
  transformNetwork,
  weightMatching,
  type NetworkState,
  type SymmetryResult,
  type SymmetryTransform,
} from '../../engine/analysis/symmetry/index.js';
import { RUN_FORMAT, type RunFile } from '../../engine/io/index.js';
import type { EvalData } from '../../engine/landscape/evaluator.js';
import { targetsFor, toStateDict, buildLayout, type MlpSpec } from '../../engine/nn/index.js';
import { CliError } from '../errors.js';
import { parseGridSize } from '../options.js';
import { writeResult } from '../output.js';
import { progressBar } from '../progress.js';
import { parseInteger, parseNumber } from '../recipe/dataOptions.js';
import { loadRun, type LoadedRun } from '../runInput.js';
import { orderedCollector, parseFlip, parsePermute, parseScale, type Ordered } from './symmetryOptions.js';

type CurveEnd = 'image' | 'other' | 'aligned';
type PlaneThird = 'control' | 'aligned';

interface SymmetryOptions {
  run: string;
  permute?: Ordered[];
  flip?: Ordered[];
  rescale?: Ordered[];
  bnScale?: Ordered[];
  align?: string;
  curve?: CurveEnd | true;
  curveSteps: number;
  curveLr: number;
  points: number;
  split: 'train' | 'test';
  norm: 'batch' | 'running';
  seed: number;
  approximate?: boolean;
  out?: string;
  outRun?: string;
  outAligned?: string;
  plane?: PlaneThird;
  outPlane?: string;
}

/** The requested transforms in command-line order, with random permutations drawn. */
function transformsOf(options: SymmetryOptions, spec: MlpSpec): SymmetryTransform[] {
  const ordered = [...(options.permute ?? []), ...(options.flip ?? []), ...(options.rescale ?? []), ...(options.bnScale ?? [])].sort((a, b) => a.order - b.order);
  return ordered.map(({ request, order }): SymmetryTransform => {
    if (request.kind === 'bn-scale') return { ...request, approximate: options.approximate ?? false };
    if (request.kind !== 'permute' || request.permutation !== 'random') return request as SymmetryTransform;
    let width: number;
    try {
      width = groupOf(spec, request.layer).width;
    } catch (e) {
      throw new CliError(`--permute ${request.layer}:random: ${(e as Error).message}`);
    }
    return { kind: 'permute', layer: request.layer, permutation: randomPermutation(width, options.seed, `cli:permute:${order}`) };
  });
}

/** A run file for new parameters: the same run, θ and buffers replaced, its trajectory mapped along. */
function runWith(file: RunFile, state: NetworkState, trajectory: Float64Array[]): RunFile {
  const layout = buildLayout(file.spec);
  return { ...file, format: RUN_FORMAT, params: toStateDict(layout, state.theta, state.buffers), trajectory: { steps: file.trajectory.steps, params: trajectory.map((p) => Array.from(p)) } };
}

function maxAbsDifference(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

const transformReport = (r: SymmetryResult) => ({
  ...r.transform,
  description: r.description,
  exact: r.exact,
  ...(r.note ? { note: r.note } : {}),
  lossBefore: r.lossBefore,
  lossAfter: r.lossAfter,
  lossChange: r.lossChange,
  relativeChange: r.relativeChange,
  outputChange: r.outputChange,
});

async function runSymmetry(options: SymmetryOptions): Promise<void> {
  const run = await loadRun(options.run);
  const spec = run.state.spec;
  const split = run.data[options.split];
  if (split.n === 0) throw new CliError(`this run has no ${options.split} split; use --split train`);
  const targets = targetsFor(spec, split.y, split.n);
  const batch = { x: fromData(split.x, [split.n, spec.inputs]), targets };
  const data: EvalData = { x: split.x, n: split.n, targets: targets.data };
  const original: NetworkState = { theta: run.state.theta, buffers: run.state.buffers };

  // Transforms, one after another, each checked.
  const transforms = transformsOf(options, spec);
  const results: SymmetryResult[] = [];
  let image = original;
  let trajectory = run.state.trajectory?.params ?? [];
  for (const t of transforms) {
    let r: SymmetryResult;
    try {
      r = applySymmetry(spec, image, t, batch, options.norm);
    } catch (e) {
      throw new CliError(`cannot ${describeTransform(t)}: ${(e as Error).message}`);
    }
    results.push(r);
    if (r.note) process.stderr.write(`losscape: symmetry: not an exact symmetry: ${r.description}\n`);
    image = r.state;
    trajectory = trajectory.map((theta) => transformNetwork(spec, { theta, buffers: image.buffers }, t).theta);
  }
  const report: Record<string, unknown> = { format: 'losscape.symmetry/1', run: options.run, split: options.split, norm: options.norm, pathNorm: 'batch' };
  const count = countEquivalentOptima(spec);
  report.count = {
    exact: count.exact.toString(),
    scientific: count.scientific,
    log10: count.log10,
    formula: count.formula,
    groups: count.groups.map((g) => ({ ...g, permutations: g.permutations.toString(), flips: g.flips.toString(), batchNormSigns: g.batchNormSigns.toString() })),
  };
  if (results.length) {
    const total = checkInvariance(spec, original, image, batch, options.norm);
    report.transforms = results.map(transformReport);
    report.loss = total;
    report.params = toStateDict(buildLayout(spec), image.theta, image.buffers);
    report.canonical = { maxDifference: maxAbsDifference(canonicalForm(spec, original).state.theta, canonicalForm(spec, image).state.theta) };
    report.barrier = linearPath(spec, original.theta, image.theta, data, options.points);
    if (options.outRun) await writeResult(runWith(run.file, image, trajectory), options.outRun);
  }

  // Alignment of another run by weight matching, and the barriers before and after.
  let other: LoadedRun | null = null;
  let aligned: NetworkState | null = null;
  if (options.align) {
    other = await loadRun(options.align);
    if (JSON.stringify(other.state.spec) !== JSON.stringify(spec)) throw new CliError(`${options.align} has a different model than ${options.run}: weight matching needs the same architecture`);
    const matching = weightMatching(spec, original, { theta: other.state.theta, buffers: other.state.buffers }, { seed: options.seed });
    aligned = matching.state;
    report.align = {
      other: options.align,
      permutations: matching.permutations,
      sweeps: matching.sweeps,
      converged: matching.converged,
      similarityBefore: matching.similarityBefore,
      similarityAfter: matching.similarityAfter,
      lossOther: checkInvariance(spec, { theta: other.state.theta, buffers: other.state.buffers }, aligned, batch, options.norm),
      before: linearPath(spec, original.theta, other.state.theta, data, options.points),
      after: linearPath(spec, original.theta, aligned.theta, data, options.points),
    };
    if (options.outAligned) {
      const moved = (other.state.trajectory?.params ?? []).map((theta) =>
        matching.permutations.reduce((s, p) => permuteHiddenUnits(spec, s, p.layers[0], p.permutation), { theta, buffers: {} } as NetworkState).theta,
      );
      await writeResult(runWith(other.file, aligned, moved), options.outAligned);
    }
  }

  // A Bezier curve from the run to one of the other points.
  let fitted: { to: CurveEnd; end: Float64Array; control: Float64Array } | null = null;
  if (options.curve !== undefined) {
    const to: CurveEnd = options.curve === true ? (other ? 'other' : 'image') : options.curve;
    const end = to === 'image' ? (results.length ? image.theta : null) : to === 'other' ? (other?.state.theta ?? null) : (aligned?.theta ?? null);
    if (!end) throw new CliError(to === 'image' ? '--curve image needs a transform (--permute, --flip, --rescale)' : `--curve ${to} needs --align other.json`);
    const bar = progressBar('bezier');
    const curve = fitBezierCurve(spec, original.theta, end, data, {
      steps: options.curveSteps,
      lr: options.curveLr,
      seed: options.seed,
      points: options.points,
      onStep: (step, steps, loss) => bar.update(step, steps, `step ${step}/${steps} loss ${loss.toPrecision(4)}`),
    });
    bar.finish();
    report.curve = {
      to,
      steps: options.curveSteps,
      lr: options.curveLr,
      seed: options.seed,
      control: Array.from(curve.control),
      profile: curve.profile,
      line: linearPath(spec, original.theta, end, data, options.points),
      trainingLoss: curve.trainingLoss,
    };
    fitted = { to, end, control: curve.control };
  }

  // The plane through the run, an endpoint and a third point, in the form `losscape surface --directions file:` reads.
  const third = options.plane ?? (options.outPlane ? (fitted ? 'control' : 'aligned') : undefined);
  if (third) {
    const [endpoint, end, point] = third === 'control' ? [fitted?.to, fitted?.end, fitted?.control] : ['other', other?.state.theta, aligned?.theta];
    if (!end || !point) throw new CliError(third === 'control' ? '--plane control needs --curve (the control point of the fitted curve)' : '--plane aligned needs --align other.json');
    let plane;
    try {
      plane = planeThroughPoints(original.theta, end, point);
    } catch (e) {
      throw new CliError(`--plane ${third}: ${(e as Error).message}`);
    }
    const { alpha, beta } = planeBounds(plane.third);
    const summary = { third, endpoint, points: { run: [0, 0], endpoint: [1, 0], third: [plane.third.alpha, plane.third.beta] }, xrange: [alpha.min, alpha.max], yrange: [beta.min, beta.max] };
    report.plane = summary;
    if (options.outPlane) await writeResult({ format: 'losscape.plane/1', run: options.run, ...summary, directions: [Array.from(plane.d1), Array.from(plane.d2)] }, options.outPlane);
  }
  await writeResult(report, options.out);
}

/** Adds the `symmetry` command to `program`. */
export function registerSymmetryCommand(program: Command): void {
  const counter = { next: 0 };
  program
    .command('symmetry')
    .description(
      'apply weight-space symmetries (applied in command-line order) and check the loss is unchanged; count equivalent optima; ' +
        'align another run (weight matching) and measure loss barriers; fit a Bezier curve between optima. Writes losscape.symmetry/1',
    )
    .requiredOption('--run <run.json>', 'the run file')
    .option('--permute <layer:perm>', 'permute the units of a hidden layer: new unit i = old unit perm[i], e.g. 0:2,0,1, or 0:random (repeatable)', orderedCollector(counter, parsePermute))
    .option('--flip <layer:unit>', 'flip the sign of a tanh, identity or logistic unit (repeatable)', orderedCollector(counter, parseFlip))
    .option('--rescale <layer:unit:a>', 'rescale a ReLU, leaky ReLU or identity unit by a > 0 (repeatable)', orderedCollector(counter, parseScale('rescale')))
    .option('--bn-scale <layer:unit:a>', 'scale the weights in front of batch norm by a ≠ 0: exact for ±1; other factors only with --approximate (repeatable)', orderedCollector(counter, parseScale('bn-scale')))
    .option('--approximate', "allow --bn-scale factors other than ±1, which batch norm's ε makes approximate (the loss moves by O(ε/σ²))")
    .option('--align <other.json>', "another run of the same model: permute its units to match the run's (weight matching) and compare the linear barriers")
    .addOption(new Option('--curve [endpoint]', 'fit a quadratic Bezier curve from the run to: image (the transformed run), other or aligned (default: other with --align, else image)').choices(['image', 'other', 'aligned']))
    .option('--curve-steps <n>', 'Adam steps on the control point', parseInteger, 300)
    .option('--curve-lr <rate>', "Adam's learning rate for the control point", parseNumber, 0.01)
    .option('--points <n>', 'points along each path', parseGridSize, 25)
    .addOption(new Option('--split <split>', 'data split').choices(['train', 'test']).default('train'))
    .addOption(new Option('--norm <mode>', 'batch-norm statistics for the invariance check (paths always use the batch statistics)').choices(['batch', 'running']).default('batch'))
    .option('--seed <n>', 'seed of random permutations, the weight-matching order and the curve', parseInteger, 0)
    .option('--out <file>', 'write here (atomically) instead of stdout')
    .option('--out-run <file>', 'also write the transformed run as a run file (its trajectory mapped along)')
    .option('--out-aligned <file>', 'also write the aligned other run as a run file')
    .addOption(
      new Option('--plane <third>', 'the plane through the run, the endpoint and a third point: control (the curve\'s control point; the endpoint is the curve\'s) or aligned (the aligned other run; the endpoint is the other run)').choices([
        'control',
        'aligned',
      ]),
    )
    .option('--out-plane <file>', 'write that plane\'s directions for `losscape surface --directions file:FILE` (with its --xrange and --yrange); default third point: control with --curve, else aligned')
    .action(runSymmetry);
}

