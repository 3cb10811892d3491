// The Data section: which samples, which features, the split, x₀ = 1, and a preview.
import { useMemo } from 'react';
import { useDispatch, useProject, useSession } from '../AppContext.js';
import { ScatterPreview } from '../plots/ScatterPreview.js';
import { datasetChoice, datasetOptionsOf, datasetTitle, withDataset } from '../state/options.js';
import { dataSpecOf } from '../state/project.js';
import { Section } from '../ui/Section.js';
import { NumberInput, Row, Select, Toggle } from '../ui/fields.js';
import { DataFromFiles } from './DataFromFiles.js';
import type { DataSummaryState } from './useDataSummary.js';

/** The Data section of the sidebar. */
export function DataPanel({ described }: { described: DataSummaryState }) {
  const data = useProject((s) => s.data);
  const dispatch = useDispatch();
  const set = (patch: Partial<typeof data>) => dispatch({ type: 'set', section: 'data', patch });
  const { summary } = described;
  // The current run's decision regions, when it trains on the data previewed here.
  const regions = useSession((s) => s.training?.regions ?? null);
  const runData = useSession((s) => s.training?.recipe.data ?? null);
  const sameData = useMemo(() => runData !== null && JSON.stringify(runData) === JSON.stringify(dataSpecOf(data)), [runData, data]);
  const selected = data.features ?? summary?.allFeatures.map((_, j) => j) ?? [];
  const toggleFeature = (j: number, on: boolean) => {
    const next = on ? [...new Set([...selected, j])].sort((a, b) => a - b) : selected.filter((k) => k !== j);
    if (next.length > 0) set({ features: next.length === summary?.allFeatures.length ? null : next });
  };

  return (
    <Section id="data" title="Data" summary={datasetTitle(data)}>
      <Row label="Data set" htmlFor="dataset">
        <Select id="dataset" value={datasetChoice(data)} options={datasetOptionsOf(data)} onChange={(choice) => set(withDataset(data, choice))} />
      </Row>
      <DataFromFiles />
      {data.source === 'synthetic' && (
        <>
          <Row label="Samples" htmlFor="samples">
            <NumberInput id="samples" value={data.synthetic.samples} min={10} max={5000} integer onChange={(samples) => set({ synthetic: { ...data.synthetic, samples } })} />
          </Row>
          <Row label="Noise" htmlFor="noise">
            <NumberInput id="noise" value={data.synthetic.noise} min={0} max={2} step={0.05} onChange={(noise) => set({ synthetic: { ...data.synthetic, noise } })} />
          </Row>
        </>
      )}
      {summary && summary.allFeatures.length > 1 && (
        <fieldset className="features" data-count={selected.length}>
          <legend className="features__legend">
            Features <span className="muted">{selected.length === summary.allFeatures.length ? `all ${selected.length}` : `${selected.length} of ${summary.allFeatures.length}`}</span>
          </legend>
          <div className="features__list">
            {summary.allFeatures.map((name, j) => (
              <label key={name} className="feature">
                <input type="checkbox" data-feature={j} checked={selected.includes(j)} onChange={(event) => toggleFeature(j, event.target.checked)} />
                <span>{name}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <Row label="Test fraction" htmlFor="test-fraction" hint="Fraction of samples held out for testing (stratified by class)">
        <NumberInput id="test-fraction" value={data.testFraction} min={0} max={0.9} step={0.05} onChange={(testFraction) => set({ testFraction })} />
      </Row>
      <Toggle id="constant-input" label="Constant input x₀ = 1" checked={data.constantInput} onChange={(constantInput) => set({ constantInput })} hint="Prepend a column of ones: the bias as an input weight" />
      {described.status === 'error' && (
        <p className="message message--error" role="alert">
          {described.error}
        </p>
      )}
      {summary && (
        <>
          <p className="data-summary" data-train={summary.nTrain} data-test={summary.nTest}>
            {summary.nTrain + summary.nTest} samples · {summary.nTrain} train / {summary.nTest} test · {summary.inputs} inputs ·{' '}
            {summary.task === 'classification' ? `${summary.outputs} classes` : 'regression'}
          </p>
          <ScatterPreview preview={summary.preview} classNames={summary.classNames} loading={described.status === 'loading'} regions={sameData ? regions : null} />
        </>
      )}
    </Section>
  );
}
