// The Landscape section's sample-subset controls: the Samples choice (all, or a quick preview on
// a seeded subset of the split, engine/landscape/samples.ts), and for a surface or line computed
// on a subset, "n of N samples" with its standard errors and the button to compute it on all N.
import type { SampleSubset } from '../../engine/landscape/samples.js';
import { formatValue } from '../format/ticks.js';
import { errorSummary } from '../landscape/stdError.js';
import type { LandscapeSettings } from '../state/project.js';
import { Row, Select } from '../ui/fields.js';

/** The subset sizes offered; a split smaller than the choice is refused by the planner with its size. */
const SAMPLE_CHOICES = [50, 100, 250, 500, 1000, 2500, 5000, 10000];

/** The Samples choice; "all" is stored as no field, as older projects have it. */
export function SamplesRow({ value, onChange }: { value: LandscapeSettings['samples']; onChange: (patch: Pick<LandscapeSettings, 'samples'>) => void }) {
  const sizes = value && !SAMPLE_CHOICES.includes(value) ? [...SAMPLE_CHOICES, value].sort((a, b) => a - b) : SAMPLE_CHOICES;
  const options = [{ value: 'all', label: 'all' }, ...sizes.map((n) => ({ value: String(n), label: `${n} (preview)` }))];
  return (
    <Row label="Samples" htmlFor="samples" hint="A quick preview on a seeded subset of the split: each value is the subset's mean loss, shown with its standard error">
      <Select id="samples" value={value ? String(value) : 'all'} options={options} onChange={(next) => onChange({ samples: next === 'all' ? undefined : Number(next) })} />
    </Row>
  );
}

interface SubsetSummaryProps {
  /** The element's id (the e2e tests read it). */
  id: string;
  samples: SampleSubset;
  lossStdError: Float64Array;
  /** Whether a scan runs now (the button waits for it). */
  busy: boolean;
  onFullSet(): void;
}

/** "n of N samples", the largest and typical standard error, and "Compute on all N samples". */
export function SubsetSummary({ id, samples, lossStdError, busy, onFullSet }: SubsetSummaryProps) {
  const errors = errorSummary(lossStdError);
  return (
    <div className="subset" id={id} data-samples={samples.n} data-of={samples.of}>
      <p className="training__line muted">
        {samples.n} of {samples.of} samples (seed {samples.seed})
        {errors && ` · standard error ≤ ${formatValue(errors.largest)}, typically ${formatValue(errors.typical)}`}
      </p>
      <div className="actions">
        <button id={`${id}-all`} type="button" className="button" disabled={busy} onClick={onFullSet}>
          Compute on all {samples.of} samples
        </button>
      </div>
    </div>
  );
}
