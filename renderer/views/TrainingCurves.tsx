// Live training curves under the viewer: loss (log scale) and accuracy, train and test.
import { useMemo } from 'react';
import { useProject, useSession } from '../AppContext.js';
import { thin } from '../plots/linePath.js';
import { LinePlot, type Series } from '../plots/LinePlot.js';
import type { TrainingJob } from '../session/types.js';

export const TRAIN_COLOR = '#35b779';
export const TEST_COLOR = '#f28e2b';

/** The epoch the playback slider points at, along the run's snapshots. */
function playbackEpoch(job: TrainingJob | null, t: number): number | null {
  const steps = job?.run?.trajectory.steps;
  if (!job || !steps || steps.length === 0 || !job.recipe.epochs) return null;
  const s = Math.min(1, Math.max(0, t)) * (steps.length - 1);
  const k = Math.min(steps.length - 2, Math.floor(s));
  const step = steps.length === 1 ? steps[0] : steps[k] + (steps[k + 1] - steps[k]) * (s - k);
  return (step / job.totalSteps) * job.recipe.epochs;
}

function seriesOf(job: TrainingJob) {
  const h = job.history;
  const epochs = h.map((e) => e.epoch);
  const pick = (key: 'loss' | 'accuracy' | 'testLoss' | 'testAccuracy') => h.map((e) => e[key] ?? NaN);
  const hasTest = h.some((e) => e.testLoss !== undefined);
  const loss: Series[] = [];
  const perEpoch = job.totalSteps > 0 && job.recipe.epochs ? job.totalSteps / job.recipe.epochs : 1;
  if (perEpoch > 1 && job.stepLosses.length > 1) {
    const picked = thin(job.stepLosses.length, 800);
    loss.push({ name: 'minibatch', color: TRAIN_COLOR, xs: picked.map((k) => (k + 1) / perEpoch), ys: picked.map((k) => job.stepLosses[k]), faint: true });
  }
  loss.push({ name: 'train', color: TRAIN_COLOR, xs: epochs, ys: pick('loss') });
  if (hasTest) loss.push({ name: 'test', color: TEST_COLOR, xs: epochs, ys: pick('testLoss'), dashed: true });
  const accuracy: Series[] = [];
  if (h.some((e) => e.accuracy !== undefined)) accuracy.push({ name: 'train', color: TRAIN_COLOR, xs: epochs, ys: pick('accuracy') });
  if (h.some((e) => e.testAccuracy !== undefined)) accuracy.push({ name: 'test', color: TEST_COLOR, xs: epochs, ys: pick('testAccuracy'), dashed: true });
  return { loss, accuracy };
}

/** Loss and accuracy per epoch of the current run, updated as it trains. */
export function TrainingCurves() {
  const job = useSession((s) => s.training);
  const playback = useProject((s) => s.view.playback);
  const series = useMemo(() => (job ? seriesOf(job) : null), [job]);
  const cursor = playbackEpoch(job, playback);
  // The whole run's length from the start, so the curves grow across the plot as it trains.
  const xRange = { min: 0, max: job?.recipe.epochs ?? 1 };
  if (!job || !series || (job.opened !== undefined && job.history.length === 0)) {
    return (
      <div className="curves curves--empty">
        <p className="muted">{job?.opened !== undefined ? `${job.opened} was opened without its training: there are no curves to show.` : 'Training curves appear here when a run starts.'}</p>
      </div>
    );
  }
  return (
    <div className="curves" data-status={job.status} data-entries={job.history.length}>
      <LinePlot id="loss-curve" title="Loss" xLabel="epoch" series={series.loss} log xRange={xRange} cursor={cursor} />
      {series.accuracy.length > 0 && <LinePlot id="accuracy-curve" title="Accuracy" xLabel="epoch" series={series.accuracy} xRange={xRange} yRange={{ min: 0, max: 1 }} cursor={cursor} />}
    </div>
  );
}
