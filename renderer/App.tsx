// The walking skeleton: pick a toy surface, have the worker evaluate it, draw it in 3D.
import { useState } from 'react';
import type { GridAxes, ToyGrid, ToySurfaceName } from '../engine/toy/surfaces.js';
import { useToyGrid } from './compute/useToyGrid.js';
import { Plot } from './scene/Plot.js';
import { SceneCanvas } from './scene/SceneCanvas.js';
import { ColorBar } from './ui/ColorBar.js';
import { Header } from './ui/Header.js';
import { StatusOverlay } from './ui/StatusOverlay.js';

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

/** The whole window. */
export function App() {
  const [surface, setSurface] = useState<ToySurfaceName>('saddle');
  const job = useToyGrid(surface, AXES);
  const [drawn, setDrawn] = useState<ToyGrid | null>(null);
  const state = job.status === 'ready' && drawn !== job.grid ? 'computing' : job.status;

  return (
    <div className="app">
      <Header surface={surface} axes={AXES} onSurfaceChange={setSurface} />
      <main className="workspace">
        <section className="viewer" data-state={state} data-surface={surface}>
          <SceneCanvas>{job.grid && <Plot grid={job.grid} onDrawn={setDrawn} />}</SceneCanvas>
          <StatusOverlay state={state} error={job.error} />
          <div className="viewer__hint">drag to orbit · scroll to zoom · right-drag to pan · arrows point downhill (−∇f)</div>
        </section>
        <ColorBar range={valueRange(job.grid)} label="f(x, y)" />
      </main>
    </div>
  );
}
