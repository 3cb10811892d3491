// The Symmetry section: apply a weight-space symmetry to θ* (permute, flip or rescale hidden
// units, scale the weights in front of batch norm), see that the loss does not change (or why
// the transform is refused, or why it is only approximate), the number of equivalent optima, a
// surface through θ* and its image, and the paths between optima (SymmetryPaths).
import { lossChangeText } from '../format/lossChange.js';
import type { SymmetryChoice } from '../state/project.js';
import { Section } from '../ui/Section.js';
import { NumberInput, Row, Select } from '../ui/fields.js';
import { SymmetryPaths } from './SymmetryPaths.js';
import { useAnalysisBlock } from './useAnalysisBlock.js';

const symmetryOptions: { value: SymmetryChoice; label: string }[] = [
  { value: 'permute-random', label: 'permute units (random)' },
  { value: 'permute-reverse', label: 'permute units (reverse)' },
  { value: 'flip', label: 'flip a unit’s sign' },
  { value: 'rescale', label: 'rescale a unit by a' },
  { value: 'bn-scale', label: 'scale weights into batch norm by a (approximate unless a = ±1)' },
];

const factorHints: Partial<Record<SymmetryChoice, string>> = {
  rescale: 'Incoming weights × a, outgoing × 1/a (ReLU units, a > 0)',
  'bn-scale': 'The unit’s incoming weights × a (a ≠ 0), in front of batch norm: exact for a = ±1, approximate otherwise because of batch norm’s ε',
};

/** The Symmetry section of the sidebar. */
export function SymmetryPanel() {
  const { settings, set, job, run, project, session, report, scanning } = useAnalysisBlock((s) => s.symmetry);
  const layers = run?.recipe.model.hidden.length ?? project.getState().model.hidden.length;
  const unitWise = settings.symmetry === 'flip' || settings.symmetry === 'rescale' || settings.symmetry === 'bn-scale';
  const factorHint = factorHints[settings.symmetry];

  return (
    <Section id="symmetry" title="Symmetry" summary={report ? 'applied' : undefined}>
      <Row label="Transform" htmlFor="symmetry-kind">
        <Select id="symmetry-kind" value={settings.symmetry} options={symmetryOptions} onChange={(symmetry) => set({ symmetry })} />
      </Row>
      <div className="row-pair">
        <Row label="Layer" htmlFor="symmetry-layer" hint="Hidden layer, 0 = the first">
          <NumberInput id="symmetry-layer" value={settings.layer} min={0} max={Math.max(0, layers - 1)} integer onChange={(layer) => set({ layer })} />
        </Row>
        {unitWise ? (
          <Row label="Unit" htmlFor="symmetry-unit">
            <NumberInput id="symmetry-unit" value={settings.unit} min={0} integer onChange={(unit) => set({ unit })} />
          </Row>
        ) : settings.symmetry === 'permute-random' ? (
          <Row label="Seed" htmlFor="symmetry-seed">
            <NumberInput id="symmetry-seed" value={settings.seed} min={0} integer onChange={(seed) => set({ seed })} />
          </Row>
        ) : null}
      </div>
      {factorHint && (
        <Row label="Factor a" htmlFor="symmetry-factor" hint={factorHint}>
          <NumberInput id="symmetry-factor" value={settings.factor} step={0.5} onChange={(factor) => set({ factor })} />
        </Row>
      )}
      <div className="actions">
        <button id="symmetry-apply" type="button" className="button button--primary" disabled={!run?.run || job?.status === 'running'} title={run?.run ? undefined : 'Train a run first'} onClick={() => session.applySymmetry(project.getState())}>
          Apply
        </button>
        <button id="slice-image" type="button" className="button" disabled={!report || scanning} title="A surface through θ* (α = 0) and its image (α = 1)" onClick={() => session.sliceThroughImage(project.getState())}>
          Slice through θ* and its image
        </button>
      </div>
      {job?.status === 'running' && <p className="training__line muted">applying…</p>}
      {job?.status === 'error' && (
        <div className="message message--error symmetry__refusal" role="alert">
          <strong>Not a symmetry of this model.</strong> {job.error}
        </div>
      )}
      {report && (
        <div className="symmetry" data-exact={report.result.exact} data-loss-change={report.result.lossChange} data-count={report.count.exact}>
          <p className="training__line muted">{report.result.description}</p>
          <p className="symmetry__change">
            <strong>{lossChangeText(report.result.lossChange, report.result.relativeChange)}</strong>
          </p>
          {report.result.note && <p className="message message--warning symmetry__note">Not an exact symmetry: {report.result.note}.</p>}
          <p className="training__line muted">
            loss {report.result.lossBefore.toPrecision(8)} → {report.result.lossAfter.toPrecision(8)} · outputs change by {report.result.outputChange.toExponential(1)}
          </p>
          <p className="training__line">
            Equivalent optima: <span className="symmetry__count">{report.count.exact}</span> ≈ {report.count.scientific}
          </p>
          <p className="training__line muted">{report.count.formula}</p>
        </div>
      )}
      <SymmetryPaths />
    </Section>
  );
}
