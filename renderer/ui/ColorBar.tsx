// The colour key beside the viewport: viridis from the minimum of f to its maximum.
import { viridisCss } from '../colormap/viridis.js';
import { formatTick, formatValue, niceStep, niceTicks } from '../format/ticks.js';

interface ColorBarProps {
  /** The range of f that the colours span; null while nothing is drawn. */
  range: { min: number; max: number } | null;
  label: string;
}

const gradient = `linear-gradient(to top, ${Array.from({ length: 17 }, (_, k) => `${viridisCss(k / 16)} ${(k / 16) * 100}%`).join(', ')})`;

/** A vertical viridis bar labelled with the minimum, the maximum and round values between. */
export function ColorBar({ range, label }: ColorBarProps) {
  const span = range ? range.max - range.min : 0;
  const step = range ? niceStep(range.min, range.max, 5) : 1;
  const ticks = range && span > 0 ? niceTicks(range.min, range.max, 5).filter((t) => Math.abs(t - range.min) > 0.1 * span && Math.abs(range.max - t) > 0.1 * span) : [];

  return (
    <aside className="colorbar" aria-label="colour scale">
      <div className="colorbar__title">{label}</div>
      <div className="colorbar__value colorbar__value--max">{range ? formatValue(range.max) : '–'}</div>
      <div className="colorbar__body">
        <div className="colorbar__ramp" style={{ backgroundImage: gradient }} />
        <div className="colorbar__ticks">
          {ticks.map((t) => (
            <span key={t} className="colorbar__tick" style={{ bottom: `${((t - (range?.min ?? 0)) / span) * 100}%` }}>
              {formatTick(t, step)}
            </span>
          ))}
        </div>
      </div>
      <div className="colorbar__value colorbar__value--min">{range ? formatValue(range.min) : '–'}</div>
    </aside>
  );
}
