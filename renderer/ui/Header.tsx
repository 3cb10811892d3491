// The app bar: name, the surface picker and the formula being drawn.
import { toySurfaces, type GridAxes, type ToySurfaceName } from '../../engine/toy/surfaces.js';
import { formatValue } from '../format/ticks.js';
import { SurfaceSelect } from './SurfaceSelect.js';

interface HeaderProps {
  surface: ToySurfaceName;
  axes: GridAxes;
  onSurfaceChange: (name: ToySurfaceName) => void;
}

function describeGrid({ x, y }: GridAxes): string {
  const range = (min: number, max: number) => `[${formatValue(min)}, ${formatValue(max)}]`;
  return `${x.count} × ${y.count} grid on ${range(x.min, x.max)} × ${range(y.min, y.max)}`;
}

/** The top bar of the window. */
export function Header({ surface, axes, onSurfaceChange }: HeaderProps) {
  return (
    <header className="header">
      <div className="brand">
        <h1 className="brand__name">Losscape</h1>
        <span className="brand__tagline">loss landscape explorer</span>
      </div>
      <div className="header__controls">
        <SurfaceSelect value={surface} onChange={onSurfaceChange} />
        <div className="header__spacer" />
        <div className="formula" aria-label="formula">
          <span className="formula__lhs">f(x, y) =</span> {toySurfaces[surface].formula}
        </div>
        <div className="header__grid">{describeGrid(axes)}</div>
      </div>
    </header>
  );
}
