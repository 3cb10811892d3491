// The Train section: a preset, the optimizer and its schedule of steps, and the run's
// controls (Run, Pause / Resume, Stop) with its progress and any divergence warning.
import { presets } from '../../engine/train/presets.js';
import { useDispatch, useProject, useServices, useSession } from '../AppContext.js';
import { describeEntry, sentence } from '../format/metrics.js';
import { optimizerOptions } from '../state/options.js';
import { presetNames, recipeOf } from '../state/project.js';
import { ProgressBar } from '../ui/ProgressBar.js';
import { Section } from '../ui/Section.js';
import { NumberInput, Row, Select, Toggle } from '../ui/fields.js';
import { PrecisionRow } from './SurfacePrecision.js';

const presetOptions = [{ value: 'custom', label: 'Custom settings' }, ...presetNames.map((name) => ({ value: name, label: name }))];

/** The Train section of the sidebar. */
export function TrainPanel() {
  const train = useProject((s) => s.train);
  const data = useProject((s) => s.data);
  const model = useProject((s) => s.model);
  const job = useSession((s) => s.training);
  const { project, session } = useServices();
  const dispatch = useDispatch();
  const set = (patch: Partial<typeof train>) => dispatch({ type: 'set', section: 'train', patch });
  const active = job?.status === 'running' || job?.status === 'paused';
  const stale = job !== null && job.key !== JSON.stringify(recipeOf({ data, model, train }));
  const fullBatch = train.batchSize === 'full' || train.optimizer === 'gd';

  return (
    <Section id="train" title="Train" summary={job ? job.status : undefined}>
      <Row label="Preset" htmlFor="preset">
        <Select id="preset" value={train.preset ?? 'custom'} options={presetOptions} onChange={(name) => name !== 'custom' && dispatch({ type: 'preset', name })} />
      </Row>
      {train.preset && <p className="hint">{presets[train.preset]?.description}</p>}
      <Row label="Optimizer" htmlFor="optimizer">
        <Select id="optimizer" value={train.optimizer} options={optimizerOptions} onChange={(optimizer) => set({ optimizer })} />
      </Row>
      <Row label="Learning rate" htmlFor="lr">
        <NumberInput id="lr" value={train.lr} min={1e-8} max={1e6} onChange={(lr) => set({ lr })} />
      </Row>
      {(train.optimizer === 'momentum' || train.optimizer === 'nesterov') && (
        <Row label="Momentum μ" htmlFor="momentum">
          <NumberInput id="momentum" value={train.momentum} min={0} max={0.999} step={0.05} onChange={(momentum) => set({ momentum })} />
        </Row>
      )}
      <div className="row-pair">
        <Row label="Batch size" htmlFor="batch-size">
          <NumberInput id="batch-size" value={typeof train.batchSize === 'number' ? train.batchSize : 32} min={1} max={100000} integer disabled={fullBatch} onChange={(batchSize) => set({ batchSize })} />
        </Row>
        <Toggle id="full-batch" label="Full batch" checked={fullBatch} disabled={train.optimizer === 'gd'} onChange={(on) => set({ batchSize: on ? 'full' : 32 })} />
      </div>
      <div className="row-pair">
        <Row label="Epochs" htmlFor="epochs">
          <NumberInput id="epochs" value={train.epochs} min={1} max={100000} integer onChange={(epochs) => set({ epochs })} />
        </Row>
        <Row label="Seed" htmlFor="seed">
          <NumberInput id="seed" value={train.seed} min={0} integer onChange={(seed) => set({ seed })} />
        </Row>
      </div>
      <PrecisionRow name="train-precision" value={train.precision} hint="float32 trains large models faster, to within float32 rounding of float64 (the reference)" onChange={(precision) => set({ precision })} />
      <div className="actions">
        <button id="train-run" type="button" className="button button--primary" onClick={() => session.train(project.getState())}>
          {active ? 'Restart' : 'Run'}
        </button>
        <button id="train-pause" type="button" className="button" disabled={!active} onClick={() => (job?.status === 'paused' ? session.resume() : session.pause())}>
          {job?.status === 'paused' ? 'Resume' : 'Pause'}
        </button>
        <button id="train-stop" type="button" className="button" disabled={!active} onClick={() => session.stop()}>
          Stop
        </button>
      </div>
      {job && (
        <div className="training" data-status={job.status} data-step={job.step} data-total-steps={job.totalSteps} data-epochs={job.history.at(-1)?.epoch ?? 0}>
          <ProgressBar value={job.totalSteps > 0 ? job.step / job.totalSteps : 0} label="training progress" tone={job.status === 'diverged' || job.status === 'error' ? 'warning' : 'accent'} />
          <p className="training__line">
            <span className={`badge badge--${job.status}`}>{job.status}</span>{' '}
            {job.recipe.precision === 'float32' && (
              <span className="badge badge--float32" data-precision="float32" title="Trained in float32: within float32 rounding of the float64 reference">
                float32
              </span>
            )}{' '}
            {job.opened !== undefined && job.totalSteps === 0 ? 'opened' : `step ${job.step} / ${job.totalSteps || '…'}`}
          </p>
          <p className="training__line muted">{describeEntry(job.history.at(-1))}</p>
          {job.refined && (
            <p className="hint" id="run-refined">
              θ* {job.refined} (Critical points section); the history and the path are those of training.
            </p>
          )}
          {job.opened !== undefined ? (
            <p className="hint" id="run-opened">
              Opened from {job.opened}, not trained here: the settings above do not describe it. Run trains them instead.
            </p>
          ) : (
            stale && !active && <p className="hint">The settings changed since this run: press Run to train them.</p>
          )}
        </div>
      )}
      {job?.status === 'diverged' && (
        <div className="message message--warning" role="alert" data-kind="diverged">
          {sentence(job.message ?? 'training diverged')}
        </div>
      )}
      {job?.status === 'error' && (
        <div className="message message--error" role="alert">
          <strong>Could not train.</strong> {job.error}
        </div>
      )}
    </Section>
  );
}
