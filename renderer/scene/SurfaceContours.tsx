// The surface's contour lines in 3D: on the surface, in ink that reads over the colormap, and
// projected onto the floor in the colormap's colour of each level. The same levels as the
// contour plot; rebuilt once per data change.
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import { colormap, srgbToLinear, type ColormapName, type Rgb } from '../../engine/io/figure/colormaps.js';
import { blendedInk } from '../colormap/ink.js';
import { CONTOUR_COUNT, contourLevels } from '../landscape/contours.js';
import { plottedValues } from '../landscape/display.js';
import type { SurfaceDisplay } from '../landscape/surfaceDisplay.js';
import { contourLines, type LineBuffers } from './contourLines.js';
import { colorCoordinate, FLOOR_Y, worldY, type SceneFrame } from './frame.js';

/** Lift of the lines above the surface, in world units, so chords across a cell stay in sight. */
const LIFT = 0.006;

interface SurfaceContoursProps {
  display: SurfaceDisplay;
  frame: SceneFrame;
  /** Changes whenever the grid's values change. */
  revision: number;
  colormap: ColormapName;
}

function lineGeometry({ positions, colors }: LineBuffers): BufferGeometry {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(positions, 3));
  geometry.setAttribute('color', new BufferAttribute(colors, 3));
  return geometry;
}

const linear = (rgb: Rgb) => rgb.map(srgbToLinear) as Rgb;

/** Draws the contour lines of `display` over the plotted range of `frame`. */
export function SurfaceContours({ display, frame, revision, colormap: name }: SurfaceContoursProps) {
  const geometries = useMemo(() => {
    const plotted = { ...display.grid, values: plottedValues(display.grid.values, display.transform) };
    const levels = contourLevels(frame.fMin, frame.fMax, CONTOUR_COUNT);
    const colorAt = (level: number) => colormap(name, colorCoordinate(frame, level));
    const onSurface = contourLines(plotted, frame, levels, { height: (level) => worldY(frame, level) + LIFT, color: (level) => linear(blendedInk(colorAt(level))) });
    const onFloor = contourLines(plotted, frame, levels, { height: () => FLOOR_Y, color: (level) => linear(colorAt(level)) });
    return [onSurface, onFloor].map(lineGeometry);
    // revision stands for the grid values behind the display.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [display, frame, revision, name]);
  useEffect(() => () => geometries.forEach((geometry) => geometry.dispose()), [geometries]);

  return (
    <group>
      {geometries.map((geometry, k) => (
        <lineSegments key={k} geometry={geometry}>
          <lineBasicMaterial vertexColors />
        </lineSegments>
      ))}
    </group>
  );
}
