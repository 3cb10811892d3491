// One loss surface in the plot box: the mesh (with its wireframe and contour lines when asked
// for), the axes α, β and the metric, and the path.
import { useMemo } from 'react';
import type { TrajectoryPoint } from '../../engine/landscape/surface.js';
import { useProject } from '../AppContext.js';
import { valueTicks } from '../format/ticks.js';
import { heightOf, type SurfaceDisplay } from '../landscape/surfaceDisplay.js';
import type { SurfaceMarker } from '../landscape/markers.js';
import { Axes } from './Axes.js';
import { CriticalMarkers } from './CriticalMarkers.js';
import { DrawnSignal } from './DrawnSignal.js';
import { frameOf } from './frame.js';
import { LossSurface } from './LossSurface.js';
import { SurfaceContours } from './SurfaceContours.js';
import { Trajectory } from './Trajectory.js';

interface LandscapePlotProps {
  display: SurfaceDisplay;
  /** The plotted range the box spans (shared by compared surfaces); default the display's. */
  range?: { min: number; max: number } | null;
  revision: number;
  trajectory: readonly TrajectoryPoint[];
  /** Reported once the frame showing `token` has been drawn. */
  token: string;
  onDrawn: (token: string) => void;
  onHover?: (point: { x: number; z: number } | null) => void;
  /** Classified points (θ*, its symmetry image). */
  markers?: readonly SurfaceMarker[];
}

/** Draws a surface with its axes and trajectory. */
export function LandscapePlot({ display, range, revision, trajectory, token, onDrawn, onHover, markers = [] }: LandscapePlotProps) {
  const span = range ?? display.range ?? { min: 0, max: 1 };
  const { alpha, beta } = display.grid;
  const frame = useMemo(() => frameOf(alpha, beta, span), [alpha, beta, span.min, span.max]); // eslint-disable-line react-hooks/exhaustive-deps
  // Seen from above, the value axis is a point: its labels would only pile up.
  const fromAbove = useProject((s) => s.view.camera) === 'top';
  const colormap = useProject((s) => s.view.colormap);
  const contours = useProject((s) => s.view.contours);
  const wireframe = useProject((s) => s.view.wireframe);
  const axes = useMemo(
    () => ({
      titles: { x: 'α', y: 'β', f: fromAbove ? '' : display.metric === 'accuracy' ? 'accuracy' : 'loss' },
      fTicks: fromAbove ? [] : valueTicks(frame.fMin, frame.fMax, display.log, 5),
    }),
    [frame, display.metric, display.log, fromAbove],
  );
  const heightAt = useMemo(() => heightOf(display), [display]);
  return (
    <group>
      <LossSurface grid={display.grid} revision={revision} frame={frame} transform={display.transform} colormap={colormap} wireframe={wireframe} onHover={onHover} />
      {contours && <SurfaceContours display={display} frame={frame} revision={revision} colormap={colormap} />}
      <Axes frame={frame} options={axes} />
      {trajectory.length > 0 && <Trajectory points={trajectory} heightAt={heightAt} frame={frame} revision={revision} />}
      {markers.length > 0 && <CriticalMarkers markers={markers} heightAt={heightAt} frame={frame} revision={revision} />}
      <DrawnSignal token={token} onDrawn={onDrawn} />
    </group>
  );
}
