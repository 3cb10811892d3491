// A "from … to" pair of number inputs for one axis of a slice: α, β or the line's t.
import type { AxisBounds } from '../state/project.js';
import { NumberInput, Row } from '../ui/fields.js';

const names = { alpha: 'α', beta: 'β', t: 't' } as const;

/** The range of `axis`; its inputs are #<axis>-min and #<axis>-max. */
export function RangeRow({ axis, bounds, onChange, disabled = false }: { axis: keyof typeof names; bounds: AxisBounds; onChange: (b: AxisBounds) => void; disabled?: boolean }) {
  const name = names[axis];
  return (
    <Row label={`${name} range`} htmlFor={`${axis}-min`}>
      <div className="range-inputs">
        <NumberInput id={`${axis}-min`} aria-label={`${name} from`} value={bounds.min} max={bounds.max - 1e-9} step={0.25} disabled={disabled} onChange={(min) => onChange({ ...bounds, min })} />
        <span className="muted">to</span>
        <NumberInput id={`${axis}-max`} aria-label={`${name} to`} value={bounds.max} min={bounds.min + 1e-9} step={0.25} disabled={disabled} onChange={(max) => onChange({ ...bounds, max })} />
      </div>
    </Row>
  );
}
