// The Toy surfaces tab (the walking skeleton): a function of two variables evaluated by the
// worker, drawn in 3D with its downhill gradient field.
import { useState } from 'react';
import { toySurfaces, type GridAxes, type ToyGrid } from '../../engine/toy/surfaces.js';
import { useDispatch, useProject } from '../AppContext.js';
import { useToyGrid } from '../compute/useToyGrid.js';
import { formatValue } from '../format/ticks.js';
import { Plot } from '../scene/Plot.js';
import { SceneCanvas } from '../scene/SceneCanvas.js';
import { ColorBar } from '../ui/ColorBar.js';
import { StatusOverlay } from '../ui/StatusOverlay.js';
import { SurfaceSelect } from '../ui/SurfaceSelect.js';

/** The grid every toy surface is evaluated on: 61 × 61 points over [−1.5, 1.5]². */
const AXES: GridAxes = {
  x: { min: -1.5, max: 1.5, count: 61 },
  y: { min: -1.5, max: 1.5, count: 61 },
};

function valueRange(grid: ToyGrid | null): { min: number; max: number } | null {
  if (grid === null) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const f of grid.z) {
    if (!Number.isFinite(f)) continue;
    if (f < min) min = f;
    if (f > max) max = f;
  }
  return min <= max ? { min, max } : null;
}

function describeGrid({ x, y }: GridAxes): string {
  const range = (min: number, max: number) => `[${formatValue(min)}, ${formatValue(max)}]`;
  return `${x.count} × ${y.count} grid on ${range(x.min, x.max)} × ${range(y.min, y.max)}`;
}

/** The Toy surfaces tab. */
export function ToyView() {
  const surface = useProject((s) => s.view.toySurface);
  const dispatch = useDispatch();
  const job = useToyGrid(surface, AXES);
  const [drawn, setDrawn] = useState<ToyGrid | null>(null);
  const state = job.status === 'ready' && drawn !== job.grid ? 'computing' : job.status;

  return (
    <div className="toy-view">
      <div className="toolbar">
        <SurfaceSelect value={surface} onChange={(toySurface) => dispatch({ type: 'set', section: 'view', patch: { toySurface } })} />
        <div className="formula" aria-label="formula">
          <span className="formula__lhs">f(x, y) =</span> {toySurfaces[surface].formula}
        </div>
        <div className="toolbar__caption">{describeGrid(AXES)}</div>
      </div>
      <div className="stage">
        <section className="viewer" data-state={state} data-surface={surface}>
          <SceneCanvas>{job.grid && <Plot grid={job.grid} onDrawn={setDrawn} />}</SceneCanvas>
          <StatusOverlay state={state} error={job.error} />
          <div className="viewer__hint">drag to orbit · scroll to zoom · right-drag to pan · arrows point downhill (−∇f)</div>
        </section>
        <ColorBar range={valueRange(job.grid)} label="f(x, y)" />
      </div>
    </div>
  );
}
