// Picks one of the engine's toy surfaces.
import { toySurfaces, type ToySurfaceName } from '../../engine/toy/surfaces.js';

const names = Object.keys(toySurfaces) as ToySurfaceName[];

function isToySurfaceName(value: string): value is ToySurfaceName {
  return (names as string[]).includes(value);
}

interface SurfaceSelectProps {
  value: ToySurfaceName;
  onChange: (name: ToySurfaceName) => void;
}

/** A labelled select of the toy surfaces, by their display names. */
export function SurfaceSelect({ value, onChange }: SurfaceSelectProps) {
  return (
    <label className="field">
      <span className="field__label">Surface</span>
      <select
        id="surface"
        className="field__select"
        value={value}
        onChange={(event) => {
          if (isToySurfaceName(event.target.value)) onChange(event.target.value);
        }}
      >
        {names.map((name) => (
          <option key={name} value={name}>
            {toySurfaces[name].label}
          </option>
        ))}
      </select>
    </label>
  );
}
