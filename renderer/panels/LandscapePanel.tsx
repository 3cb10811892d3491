// The Landscape section: the plane (directions, ranges, resolution) or a line through the
// parameters (LineFields), what is evaluated on it (split, batch-norm mode) and how it is shown
// (metric, log scale); Compute and Cancel.
import { useDispatch, useProject, useServices, useSession } from '../AppContext.js';
import { formatValue } from '../format/ticks.js';
import { directionChoice, directionOptions, withDirections } from '../state/options.js';
import { RESOLUTIONS, type LandscapeSettings } from '../state/project.js';
import { ProgressBar } from '../ui/ProgressBar.js';
import { Section } from '../ui/Section.js';
import { NumberInput, Row, Segmented, Select, Toggle } from '../ui/fields.js';
import { DirectionsFromFile } from './DirectionsFromFile.js';
import { LineActions, LineFields } from './LineFields.js';
import { RangeRow } from './RangeRow.js';
import { PrecisionBadge, PrecisionRow } from './SurfacePrecision.js';
import { SamplesRow, SubsetSummary } from './SurfaceSamples.js';
import { RunJobButtons } from '../ui/RunJobButtons.js';

const resolutionOptions = RESOLUTIONS.map((n) => ({ value: String(n), label: `${n} × ${n}` }));

/** Whether settings that decide the grid (not just how it is shown) differ. */
function planChanged(a: LandscapeSettings, b: LandscapeSettings): boolean {
  const plan = ({ metric: _metric, logScale: _log, ...rest }: LandscapeSettings) => JSON.stringify(rest);
  return plan(a) !== plan(b);
}

/** The Landscape section of the sidebar. */
export function LandscapePanel() {
  const landscape = useProject((s) => s.landscape);
  const slice = useProject((s) => s.line.slice);
  const lineStatus = useSession((s) => s.line?.status);
  const job = useSession((s) => s.surface);
  const run = useSession((s) => s.training);
  const { project, session } = useServices();
  const dispatch = useDispatch();
  const set = (patch: Partial<LandscapeSettings>) => dispatch({ type: 'set', section: 'landscape', patch });
  const busy = job?.status === 'preparing' || job?.status === 'scanning';
  const pcaAuto = landscape.directions === 'pca' && landscape.autoRange;
  const total = job?.alpha.length ?? 0;
  /** The same surface again on every sample of the split (Samples back to all). */
  const computeOnAll = () => {
    set({ samples: undefined });
    const state = project.getState();
    const all = { ...state, landscape: { ...state.landscape, samples: undefined } };
    if (job?.plane && job.given) session.sliceAlong(all, { plane: job.plane, choice: job.given, alpha: job.settings.alpha, beta: job.settings.beta });
    else session.computeSurface(all);
  };

  return (
    <Section id="landscape" title="Landscape" summary={slice === 'line' ? lineStatus : job?.status}>
      <Row label="Slice" hint="A surface over the plane (α, β), or a line plot along one line (t)">
        <Segmented name="slice" value={slice} options={[{ value: 'plane', label: 'Surface' }, { value: 'line', label: 'Line' }]} onChange={(next) => dispatch({ type: 'set', section: 'line', patch: { slice: next } })} />
      </Row>
      <Row label="Directions" htmlFor="directions">
        <Select id="directions" value={directionChoice(landscape)} options={directionOptions} onChange={(choice) => set(withDirections(choice))} />
      </Row>
      {landscape.directions === 'random' ? (
        <div className="row-pair">
          <Toggle id="ignore-biasbn" label="Ignore biases & BN" checked={landscape.ignoreBiasBn} onChange={(ignoreBiasBn) => set({ ignoreBiasBn })} hint="Zero the directions on biases and batch-norm parameters (Li et al.)" />
          <Row label="Seed" htmlFor="direction-seed">
            <NumberInput id="direction-seed" value={landscape.directionSeed} min={0} integer onChange={(directionSeed) => set({ directionSeed })} />
          </Row>
        </div>
      ) : (
        <Toggle id="auto-range" label="Fit α, β to the trajectory" checked={landscape.autoRange} onChange={(autoRange) => set({ autoRange })} />
      )}
      {slice === 'line' ? (
        <LineFields />
      ) : (
        <>
          <RangeRow axis="alpha" bounds={landscape.alpha} disabled={pcaAuto} onChange={(alpha) => set({ alpha })} />
          <RangeRow axis="beta" bounds={landscape.beta} disabled={pcaAuto} onChange={(beta) => set({ beta })} />
          <Row label="Resolution" htmlFor="resolution">
            <Select id="resolution" value={String(landscape.resolution)} options={resolutionOptions} onChange={(value) => set({ resolution: Number(value) })} />
          </Row>
        </>
      )}
      <Row label="Split">
        <Segmented name="split" value={landscape.split} options={[{ value: 'train', label: 'train' }, { value: 'test', label: 'test' }]} onChange={(split) => set({ split })} />
      </Row>
      <Row label="Batch norm" hint="Normalize with the split's own statistics (the training objective) or the running averages">
        <Segmented name="norm" value={landscape.norm} options={[{ value: 'batch', label: 'batch stats' }, { value: 'running', label: 'running' }]} onChange={(norm) => set({ norm })} />
      </Row>
      <SamplesRow value={landscape.samples} onChange={set} />
      {slice === 'line' ? (
        <LineActions />
      ) : (
        <>
          <Row label="Show">
            <Segmented name="metric" value={landscape.metric} options={[{ value: 'loss', label: 'loss' }, { value: 'accuracy', label: 'accuracy' }]} onChange={(metric) => set({ metric })} />
          </Row>
          <Toggle id="log-scale" label="Log scale (loss)" checked={landscape.logScale} disabled={landscape.metric !== 'loss'} onChange={(logScale) => set({ logScale })} />
          <PrecisionRow
            name="precision"
            value={landscape.precision}
            hint="float32 computes the surface faster on large models, to within float32 rounding; float64 is the reference"
            onChange={(precision) => set({ precision })}
          />
          <RunJobButtons ids={['compute', 'cancel-scan']} hasRun={!!run?.run} busy={busy} onCompute={() => session.computeSurface(project.getState())} onCancel={() => session.cancelSurface()} needsRun="the surface is sliced around its final parameters θ*.">
            {busy ? 'Recompute' : 'Compute'}
          </RunJobButtons>
          <DirectionsFromFile />
          {job && !busy && !job.plane && !job.opened && planChanged(job.settings, landscape) && <p className="hint">The plane’s settings changed since this surface: press Compute to see them.</p>}
          {job?.opened && <p className="hint" id="opened-surface">Showing {job.opened.name}, opened without its run: train a run, or open a model, to compute surfaces and analyses.</p>}
          {job && (
            <div className="scan" data-status={job.status} data-rows={job.rowsComputed} data-total-rows={total}>
              <ProgressBar value={total > 0 ? job.rowsComputed / total : 0} label="surface progress" tone={job.status === 'cancelled' ? 'muted' : 'accent'} />
              <p className="training__line">
                <span className={`badge badge--${job.status}`}>{job.status}</span> <PrecisionBadge job={job} />
                {job.status === 'preparing' ? 'planning directions…' : `${job.rowsComputed} / ${total} rows of ${total} × ${job.beta.length}`}
              </p>
              {total > 0 && (
                <p className="training__line muted">
                  α ∈ [{formatValue(job.alpha[0])}, {formatValue(job.alpha[total - 1])}] · β ∈ [{formatValue(job.beta[0])}, {formatValue(job.beta[job.beta.length - 1])}]
                  {job.info?.explainedVarianceRatio && ` · PCA explains ${job.info.explainedVarianceRatio.map((r) => `${(r * 100).toFixed(0)} %`).join(' + ')}`}
                </p>
              )}
            </div>
          )}
          {job?.samples && job.lossStdError && <SubsetSummary id="surface-subset" samples={job.samples} lossStdError={job.lossStdError} busy={busy} onFullSet={computeOnAll} />}
          {job?.status === 'error' && (
            <div className="message message--error" role="alert">
              <strong>Could not compute the surface.</strong> {job.error}
            </div>
          )}
        </>
      )}
    </Section>
  );
}
