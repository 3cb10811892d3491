// The colour key beside the viewport: the project's colormap from the minimum of the plotted
// values to their maximum, labelled in the values' own units (also on a log scale).
import { colormap, rgbHex, type ColormapName } from '../../engine/io/figure/colormaps.js';
import { useProject } from '../AppContext.js';
import { formatValue, valueTicks } from '../format/ticks.js';

interface ColorBarProps {
  /** The plotted range the colours span; null while nothing is drawn. */
  range: { min: number; max: number } | null;
  label: string;
  /** The plotted values are log₁₀ of the values. */
  log?: boolean;
}

/** The colormap as a CSS gradient from the bottom (its low end) to the top. */
function ramp(name: ColormapName): string {
  return `linear-gradient(to top, ${Array.from({ length: 17 }, (_, k) => `${rgbHex(colormap(name, k / 16))} ${(k / 16) * 100}%`).join(', ')})`;
}

/** A vertical colormap bar labelled with the minimum, the maximum and round values between. */
export function ColorBar({ range, label, log = false }: ColorBarProps) {
  const name = useProject((s) => s.view.colormap);
  const span = range ? range.max - range.min : 0;
  const ticks = range && span > 0 ? valueTicks(range.min, range.max, log, 5).filter((t) => t.at - range.min > 0.08 * span && range.max - t.at > 0.08 * span) : [];
  const show = (v: number) => formatValue(log ? 10 ** v : v);

  return (
    <aside className="colorbar" aria-label="colour scale" data-colormap={name} data-min={range ? show(range.min) : ''} data-max={range ? show(range.max) : ''}>
      <div className="colorbar__title">{label}</div>
      <div className="colorbar__value colorbar__value--max">{range ? show(range.max) : '–'}</div>
      <div className="colorbar__body">
        <div className="colorbar__ramp" style={{ backgroundImage: ramp(name) }} />
        <div className="colorbar__ticks">
          {ticks.map((t) => (
            <span key={t.at} className="colorbar__tick" style={{ bottom: `${((t.at - (range?.min ?? 0)) / span) * 100}%` }}>
              {t.label}
            </span>
          ))}
        </div>
      </div>
      <div className="colorbar__value colorbar__value--min">{range ? show(range.min) : '–'}</div>
    </aside>
  );
}
