// One toy surface in the plot box: the surface, its gradient field and the axes.
import { useMemo } from 'react';
import type { ToyGrid } from '../../engine/toy/surfaces.js';
import { Axes } from './Axes.js';
import { DrawnSignal } from './DrawnSignal.js';
import { sceneFrame } from './frame.js';
import { GradientField } from './GradientField.js';
import { Surface } from './Surface.js';

interface PlotProps {
  grid: ToyGrid;
  onDrawn: (grid: ToyGrid) => void;
}

/** Draws `grid` and reports when it is on screen. */
export function Plot({ grid, onDrawn }: PlotProps) {
  const frame = useMemo(() => sceneFrame(grid), [grid]);
  return (
    <group>
      <Surface grid={grid} frame={frame} />
      <GradientField grid={grid} frame={frame} />
      <Axes frame={frame} />
      <DrawnSignal token={grid} onDrawn={onDrawn} />
    </group>
  );
}
