// The 1D slice of the Landscape tab: loss and accuracy along the line the Landscape section
// chose (initial → trained parameters, or through θ* along direction 1), filling in as the
// pool computes it.
import { useRef } from 'react';
import { useSession } from '../AppContext.js';
import { LinePlot } from '../plots/LinePlot.js';
import { useSize } from '../plots/useWidth.js';
import type { LineJob } from '../session/types.js';
import { TEST_COLOR, TRAIN_COLOR } from './TrainingCurves.js';
import './lineView.css';

/** How each line is written, and where θ* lies on it. */
const lines = {
  interpolation: { formula: 'L(θ₀ + t·(θ* − θ₀))', axis: 't   (0 = initial θ₀, 1 = trained θ*)', trained: 1 },
  direction: { formula: 'L(θ* + t·d₁)', axis: 't   (0 = trained θ*, along direction 1)', trained: 0 },
} as const;

/** Loss and accuracy plots of `job`, sharing the t axis. */
function LinePlots({ job, height }: { job: LineJob; height: number }) {
  const line = lines[job.settings.path];
  const xRange = { min: job.settings.range.min, max: job.settings.range.max };
  const hasAccuracy = job.accuracy.some(Number.isFinite) || job.status !== 'ready';
  const plotHeight = Math.max(140, Math.floor((height - 24) / (hasAccuracy ? 2 : 1)));
  return (
    <>
      <LinePlot id="line-loss" title={`Loss ${line.formula} · ${job.done} / ${job.t.length} points`} xLabel={line.axis} series={[{ name: 'loss', color: TRAIN_COLOR, xs: job.t, ys: job.loss }]} xRange={xRange} cursor={line.trained} height={plotHeight} />
      {hasAccuracy && (
        <LinePlot id="line-accuracy" title="Accuracy along the line" xLabel={line.axis} series={[{ name: 'accuracy', color: TEST_COLOR, xs: job.t, ys: job.accuracy }]} xRange={xRange} yRange={{ min: 0, max: 1 }} cursor={line.trained} height={plotHeight} />
      )}
    </>
  );
}

/** The line view: empty until a line is computed. */
export function LineView() {
  const job = useSession((s) => s.line);
  const run = useSession((s) => s.training);
  const box = useRef<HTMLElement>(null);
  const { height } = useSize(box);
  return (
    <section ref={box} id="line-viewer" className="line-view" data-state={job?.status ?? 'empty'} data-points={job?.done ?? 0}>
      {job && job.t.length > 0 ? (
        <LinePlots job={job} height={height} />
      ) : (
        <div className="viewer__empty">
          <p>{run?.run ? <>Press <strong>Compute line</strong> in the Landscape panel to plot the loss along the line.</> : <>Train a run first: the line runs through its parameters.</>}</p>
        </div>
      )}
    </section>
  );
}
