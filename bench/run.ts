// `npm run bench`: measures every case for every contender in one run, checks each against
// the case's float64 reference first, prints a Markdown table of figures and ratios against
// Losscape, and writes bench/results/latest.json.
//
// Options: --quick (shorter timing), --only <text> (cases whose id contains it),
//          --no-tfjs, --no-numpy, --numpy-threads <n|default> (default 1, like the JS contenders),
//          --no-torch (the mnist-mlp case's PyTorch rows).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cases as allCases } from './cases/index.js';
import { MNIST_MLP_ID, runMnistMlp, type MnistResult } from './cases/mnistMlp.js';
import { compareOutputs, lastConsumed } from './data.js';
import { DEFAULT_TIMING, QUICK_TIMING, measure, measureAsync, type Measurement, type TimingOptions } from './harness.js';
import { numpyUnavailable, runNumpy } from './peers/numpy.js';
import { loadTfjs, type TfjsBackend } from './peers/tfjs.js';
import { READING_NOTES, resultsTable } from './table.js';
import { TOLERANCE, type AsyncRunner, type Case, type CaseResult, type ContenderResult, type Outputs, type Precision, type Runner } from './types.js';

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'no-tfjs': { type: 'boolean', default: false },
    'no-numpy': { type: 'boolean', default: false },
    'no-torch': { type: 'boolean', default: false },
    'numpy-threads': { type: 'string', default: '1' },
  },
});
const timing = opts.quick ? QUICK_TIMING : DEFAULT_TIMING;
const numpyThreads = opts['numpy-threads'] === 'default' ? null : Number(opts['numpy-threads']);
if (numpyThreads !== null && !(Number.isInteger(numpyThreads) && numpyThreads > 0)) {
  console.error(`--numpy-threads: expected a positive integer or 'default', got '${opts['numpy-threads']}'`);
  process.exit(2);
}
const cases = allCases.filter((c) => !opts.only || c.id.includes(opts.only));
const mnist = !opts.only || MNIST_MLP_ID.includes(opts.only);
if (cases.length === 0 && !mnist) {
  console.error(`--only ${opts.only}: no case matches (cases: ${[...allCases.map((c) => c.id), MNIST_MLP_ID].join(', ')})`);
  process.exit(2);
}

const started = Date.now();
const progress = (msg: string): void => {
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${msg}\n`);
};

const refs = new Map<string, Outputs>(cases.map((c) => [c.id, c.reference()]));
const rows = new Map<string, ContenderResult[]>(cases.map((c) => [c.id, []]));
const failures: string[] = [];
const notes: string[] = [];

const skip = (contender: string, precision: Precision, why: string): ContenderResult => ({
  contender,
  precision,
  figure: null,
  ratio: null,
  maxError: null,
  measurement: null,
  skipped: why,
});

/** The run's timing, with the case's longer warm-up where it asks for one (not with --quick). */
const timingOf = (c: Case): TimingOptions =>
  !opts.quick && c.warmupSeconds !== undefined && c.warmupSeconds > timing.warmupSeconds ? { ...timing, warmupSeconds: c.warmupSeconds } : timing;

/** The case's own tolerance for a precision, else the default. */
const toleranceOf = (c: Case, precision: Precision): number => c.tolerance?.[precision] ?? TOLERANCE[precision];

/** Check, then time, one in-process contender on one case. */
function bench(c: Case, contender: string, precision: Precision, prepare: () => Runner): ContenderResult {
  let runner: Runner | null = null;
  try {
    runner = prepare();
    const err = compareOutputs(runner.outputs(), refs.get(c.id)!, `${contender} on ${c.id}`);
    const tol = toleranceOf(c, precision);
    if (!(err <= tol)) {
      throw new Error(`${contender} on ${c.id}: error ${err.toExponential(2)} exceeds the ${precision} tolerance ${tol}`);
    }
    progress(`${c.id}: ${contender} (check error ${err.toExponential(1)})`);
    const m = measure(runner.run, timingOf(c));
    return timed(c, contender, precision, m, err, runner.unitsPerCall);
  } catch (e) {
    return failed(c, contender, precision, e);
  } finally {
    runner?.dispose?.();
  }
}

/** A timed row: the figure per unit of the case when a call computes several. */
function timed(c: Case, contender: string, precision: Precision, m: Measurement, err: number, unitsPerCall = 1): ContenderResult {
  const figure = c.figure(m.secondsPerCall / unitsPerCall);
  return { contender, precision, figure, ratio: null, maxError: err, measurement: m, ...(unitsPerCall !== 1 ? { unitsPerCall } : {}) };
}

function failed(c: Case, contender: string, precision: Precision, e: unknown): ContenderResult {
  const raw = (e as Error).message;
  const msg = raw.startsWith(`${contender} on `) ? raw : `${contender} on ${c.id}: ${raw}`;
  failures.push(msg);
  progress(`FAILED ${msg}`);
  return skip(contender, precision, 'FAILED check');
}

/** Check, then time, an asynchronous contender (the worker pool); it names its own row. */
async function benchAsync(c: Case, fallbackName: string, precision: Precision, prepare: () => AsyncRunner): Promise<ContenderResult> {
  let runner: AsyncRunner | null = null;
  let contender = fallbackName;
  try {
    runner = prepare();
    contender = runner.contender;
    const err = compareOutputs(await runner.outputs(), refs.get(c.id)!, `${contender} on ${c.id}`);
    const tol = toleranceOf(c, precision);
    if (!(err <= tol)) {
      throw new Error(`${contender} on ${c.id}: error ${err.toExponential(2)} exceeds the ${precision} tolerance ${tol}`);
    }
    progress(`${c.id}: ${contender} (check error ${err.toExponential(1)})`);
    const m = await measureAsync(runner.run, timingOf(c));
    return timed(c, contender, precision, m, err, runner.unitsPerCall);
  } catch (e) {
    return failed(c, contender, precision, e);
  } finally {
    await runner?.dispose?.();
  }
}

// 1. Losscape (and, where a case has one, Losscape on the worker pool).
for (const c of cases) {
  rows.get(c.id)!.push(bench(c, 'Losscape', 'float64', () => c.losscape()));
  if (c.losscapePool) rows.get(c.id)!.push(await benchAsync(c, 'Losscape (pool)', 'float64', () => c.losscapePool!()));
}

// 2. TensorFlow.js, cpu then wasm backend.
const backends: TfjsBackend[] = ['cpu', 'wasm'];
const tfjsCases = cases.filter((c) => c.tfjs);
const env: Record<string, unknown> = {
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
};
if (opts['no-tfjs']) {
  for (const c of tfjsCases) for (const b of backends) rows.get(c.id)!.push(skip(`tfjs-${b}`, 'float32', '--no-tfjs'));
} else if (tfjsCases.length) {
  const peer = await loadTfjs();
  for (const b of backends) {
    let described: string | null = null;
    let why = '';
    if ('error' in peer) why = peer.error;
    else {
      try {
        described = await peer.use(b);
      } catch (e) {
        why = (e as Error).message;
      }
    }
    if (described && !('error' in peer)) {
      env[`tfjs-${b}`] = described;
      notes.push(`tfjs-${b}: ${described}.`);
      for (const c of tfjsCases) rows.get(c.id)!.push(bench(c, `tfjs-${b}`, 'float32', () => c.tfjs!(peer.tf)));
    } else {
      notes.push(`tfjs-${b} rows skipped: ${why}.`);
      for (const c of tfjsCases) rows.get(c.id)!.push(skip(`tfjs-${b}`, 'float32', 'unavailable'));
    }
  }
}

// 3. numpy: one subprocess for all cases.
const numpyCases = cases.filter((c) => c.numpy);
const numpyMissing = opts['no-numpy'] ? '--no-numpy' : numpyCases.length ? numpyUnavailable() : null;
if (numpyMissing) {
  notes.push(`numpy rows skipped: ${numpyMissing}.`);
  for (const c of numpyCases) rows.get(c.id)!.push(skip('numpy', 'float64', 'unavailable'));
} else if (numpyCases.length) {
  progress(`numpy: ${numpyCases.length} cases in one python subprocess`);
  try {
    const run = runNumpy(numpyCases.map((c) => ({ id: c.id, task: c.numpy!, timing: timingOf(c) })), timing, numpyThreads);
    const { blas } = run.info;
    const blasText = [blas.name, blas.version, blas.corename && `core ${blas.corename}`, blas.threads !== undefined && `${blas.threads} thread(s)`]
      .filter(Boolean)
      .join(', ');
    env.numpy = { ...run.info, env: run.envNote };
    notes.push(`numpy: numpy ${run.info.numpy} on Python ${run.info.python}, BLAS ${blasText || 'unknown'} (${run.envNote}); the MLP gradients are hand-written backprop, no autodiff.`);
    for (const c of numpyCases) {
      const res = run.results.get(c.id);
      const row = rows.get(c.id)!;
      if (!res || 'error' in res) {
        const msg = `numpy on ${c.id}: ${res ? res.error : 'no result'}`;
        failures.push(msg);
        row.push(skip('numpy', 'float64', 'FAILED'));
        continue;
      }
      const err = compareOutputs(res.outputs, refs.get(c.id)!, `numpy on ${c.id}`);
      if (!(err <= toleranceOf(c, 'float64'))) {
        const msg = `numpy on ${c.id}: error ${err.toExponential(2)} exceeds the float64 tolerance ${toleranceOf(c, 'float64')}`;
        failures.push(msg);
        row.push(skip('numpy', 'float64', 'FAILED check'));
        continue;
      }
      row.push(timed(c, 'numpy', 'float64', res.measurement, err, c.numpy!.unitsPerCall));
    }
  } catch (e) {
    const msg = (e as Error).message;
    failures.push(msg);
    notes.push(`numpy rows failed: ${msg.split('\n')[0]}`);
    for (const c of numpyCases) rows.get(c.id)!.push(skip('numpy', 'float64', 'FAILED'));
  }
}
void lastConsumed();

// 4. The mnist-mlp case: whole commands against PyTorch, with its own table.
let mnistResult: MnistResult | null = null;
if (mnist) {
  try {
    mnistResult = await runMnistMlp({ quick: opts.quick, noTorch: opts['no-torch'] ? '--no-torch' : null, timing, progress });
    failures.push(...mnistResult.failures);
    notes.push(...mnistResult.notes);
  } catch (e) {
    const msg = `${MNIST_MLP_ID}: ${(e as Error).message}`;
    failures.push(msg);
    notes.push(`${MNIST_MLP_ID} failed: ${msg.split('\n')[0]}`);
  }
}

// 5. Ratios, tables, JSON.
for (const c of cases) {
  const tol = c.tolerance && `Check tolerance ${Object.entries(c.tolerance).map(([p, v]) => `${v.toExponential(0)} for ${p}`).join(', ')}.`;
  if (c.note || tol) notes.push([c.note ?? c.title, tol].filter(Boolean).join(' '));
}
const results: CaseResult[] = cases.map((c) => {
  const contenders = rows.get(c.id)!;
  const base = contenders.find((r) => r.contender === 'Losscape')?.figure ?? null;
  for (const r of contenders) r.ratio = base !== null && r.figure !== null ? r.figure / base : null;
  return { id: c.id, title: c.title, unit: c.unit, contenders };
});
notes.push(
  `Machine: ${env.cpu}, ${env.cores} cores, Node ${env.node}. Losscape and tfjs run single-threaded in this process` +
    `${cases.some((c) => c.losscapePool) ? ' (the "Losscape (pool, …)" rows: the worker pool, one worker_thread per core)' : ''}` +
    `${opts.quick ? '; --quick timing (noisier)' : ''}.`,
);

const out = [
  '',
  ...(results.length ? [resultsTable(results), ''] : []),
  ...(mnistResult ? [mnistResult.table, ''] : []),
  ...[...READING_NOTES, ...notes].map((n) => `- ${n}`),
  '',
].join('\n');
process.stdout.write(out);

const dir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(dir, { recursive: true });
const file = `${dir}latest.json`;
writeFileSync(
  file,
  JSON.stringify({ format: 'losscape.bench/1', date: new Date().toISOString(), env, timing, notes: [...READING_NOTES, ...notes], failures, cases: results, ...(mnistResult ? { mnistMlp: mnistResult.json } : {}) }, null, 2) + '\n',
);
progress(`wrote ${file}`);

if (failures.length) {
  console.error(`\nBENCH FAILED: ${failures.length} contender(s) did not match the reference:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
