// The compute precision of surfaces and of training: float64 (the reference, the default) or
// float32 on the f32x4 kernels (engine/landscape/plan.ts, engine/train/trainer.ts). A surface
// computed or saved in float32 says so wherever it is shown: the Landscape section's status
// and the viewer; a run trained in float32, the Train section's.
import type { Precision } from '../../engine/nn/fast/linear.js';
import { surfacePrecision } from '../landscape/surfacePrecision.js';
import type { SurfaceJob } from '../session/types.js';
import { Row, Segmented } from '../ui/fields.js';
import './surfacePrecision.css';

const options: { value: Precision; label: string; title: string }[] = [
  { value: 'float64', label: 'float64', title: 'Double precision: the reference' },
  { value: 'float32', label: 'float32', title: 'A fast preview: single-precision products (f32x4 kernels): faster on large models, to within float32 rounding of float64' },
];

/** A precision choice (the Landscape section's, the Train section's); float64 is stored as no field, as older projects have it. */
export function PrecisionRow({ name, value, hint, onChange }: { name: string; value: 'float32' | undefined; hint: string; onChange: (precision: 'float32' | undefined) => void }) {
  return (
    <Row label="Precision" hint={hint}>
      <Segmented name={name} value={value ?? 'float64'} options={options} onChange={(next) => onChange(next === 'float32' ? 'float32' : undefined)} />
    </Row>
  );
}

/** "float32" beside a surface computed that way; nothing for float64. */
export function PrecisionBadge({ job, className = 'badge badge--float32' }: { job: SurfaceJob; className?: string }) {
  if (surfacePrecision(job) !== 'float32') return null;
  return (
    <span className={className} data-precision="float32" title="Computed in float32 (fast preview): within float32 rounding of the float64 reference">
      float32
    </span>
  );
}
