// The Model section: hidden layers, activations, batch norm, residual blocks, biases, the
// initializer, and the parameter count P; beside them, the model of a run opened from a file.
import type { InitSpec, WeightInit } from '../../engine/nn/init.js';
import { buildLayout } from '../../engine/nn/layout.js';
import { useDispatch, useProject, useSession } from '../AppContext.js';
import { activationOptions, initOptions } from '../state/options.js';
import { formatCount, parameterCount } from '../state/parameters.js';
import { MAX_LAYERS, MAX_WIDTH } from '../state/reducer.js';
import { Section } from '../ui/Section.js';
import { NumberInput, Row, Select, Toggle } from '../ui/fields.js';
import type { DataSummaryState } from './useDataSummary.js';

/** Initializers with a free number (He and LeCun have none). */
const SCALED: ReadonlySet<WeightInit> = new Set(['constant', 'uniform', 'normal', 'xavier-uniform', 'xavier-normal', 'orthogonal']);

/** The scale an initializer uses: the given one, or the engine's default (1 for gains, 0.1 otherwise). */
function initScale(init: InitSpec): number {
  return init.scale ?? (init.weights.startsWith('xavier') || init.weights === 'orthogonal' ? 1 : 0.1);
}

/** For a run opened from a file: its own model, which the settings above (for the next run trained here) need not match. */
function OpenedModel() {
  const job = useSession((s) => s.training);
  if (!job?.opened || !job.run) return null;
  const { spec } = job.run;
  const shape = [spec.inputs, ...spec.hidden.map((h) => h.width), spec.outputs].join(' → ');
  const size = buildLayout(spec).size;
  return (
    <p className="hint" id="opened-model" data-parameters={size}>
      The current run, opened from {job.opened}, is {shape} · {formatCount(size)} parameters; these settings are for a run trained here.
    </p>
  );
}

/** The Model section of the sidebar. */
export function ModelPanel({ described }: { described: DataSummaryState }) {
  const model = useProject((s) => s.model);
  const dispatch = useDispatch();
  const set = (patch: Partial<typeof model>) => dispatch({ type: 'set', section: 'model', patch });
  const summary = described.summary;
  const counted = summary ? parameterCount(model, summary.inputs, summary.outputs) : null;
  const shape = summary ? [summary.inputs, ...model.hidden.map((h) => h.width), summary.outputs].join(' → ') : '';

  return (
    <Section id="model" title="Model" summary={counted && 'count' in counted ? `P = ${formatCount(counted.count)}` : undefined}>
      <div className="layers">
        {model.hidden.map((layer, i) => (
          <div key={i} className="layer" data-layer={i}>
            <span className="layer__name">h{i + 1}</span>
            <NumberInput id={`layer-${i}-width`} aria-label={`hidden layer ${i + 1} width`} value={layer.width} min={1} max={MAX_WIDTH} integer onChange={(width) => dispatch({ type: 'layer/set', index: i, patch: { width } })} />
            <Select id={`layer-${i}-activation`} value={layer.activation} options={activationOptions} onChange={(activation) => dispatch({ type: 'layer/set', index: i, patch: { activation } })} />
            <label className="chip" title="Batch normalization before the activation">
              <input id={`layer-${i}-bn`} type="checkbox" checked={layer.batchNorm} onChange={(event) => dispatch({ type: 'layer/set', index: i, patch: { batchNorm: event.target.checked } })} />
              BN
            </label>
            <button type="button" className="icon-button" aria-label={`remove hidden layer ${i + 1}`} onClick={() => dispatch({ type: 'layer/remove', index: i })}>
              ×
            </button>
          </div>
        ))}
        <button id="layer-add" type="button" className="button button--ghost" disabled={model.hidden.length >= MAX_LAYERS} onClick={() => dispatch({ type: 'layer/add' })}>
          + hidden layer
        </button>
      </div>
      <Toggle id="bias" label="Biases" checked={model.bias} onChange={(bias) => set({ bias })} hint="Biases on the linear maps (layers with batch norm use its β instead)" />
      <Toggle
        id="residual"
        label="Residual connections"
        checked={model.residual > 0}
        disabled={model.hidden.length < 2}
        onChange={(on) => set({ residual: on ? 1 : 0 })}
        hint="x_{l+1} = act(F(x_l) + x_l) after the first hidden layer; needs equal widths"
      />
      <div className="row-pair row-pair--wide">
        <Row label="Initializer" htmlFor="init">
          <Select id="init" value={model.init.weights} options={initOptions} onChange={(weights) => set({ init: { ...model.init, weights } })} />
        </Row>
        <Row label="scale" htmlFor="init-scale" hint="σ of normal, a of uniform(±a), the value of constant, the gain of Xavier and orthogonal">
          <NumberInput id="init-scale" value={initScale(model.init)} min={0} step={0.05} disabled={!SCALED.has(model.init.weights)} onChange={(scale) => set({ init: { ...model.init, scale } })} />
        </Row>
      </div>
      <Row label="Weight decay" htmlFor="weight-decay">
        <NumberInput id="weight-decay" value={model.weightDecay} min={0} step={0.0001} onChange={(weightDecay) => set({ weightDecay })} />
      </Row>
      {summary && (
        <p className="model-summary" data-parameters={counted && 'count' in counted ? counted.count : ''}>
          <span className="muted">{shape}</span>
          {counted && 'count' in counted && (
            <span>
              {' '}
              · <strong>{formatCount(counted.count)}</strong> parameters
            </span>
          )}
        </p>
      )}
      <OpenedModel />
      {counted && 'error' in counted && (
        <p className="message message--error" role="alert">
          {counted.error}
        </p>
      )}
    </Section>
  );
}
