// The gradient field: small downhill arrows (−∇f) on the surface.
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import type { ToyGrid } from '../../engine/toy/surfaces.js';
import type { SceneFrame } from './frame.js';
import { gradientArrowSegments } from './gradientArrows.js';

interface GradientFieldProps {
  grid: ToyGrid;
  frame: SceneFrame;
}

/** Draws −∇f as arrows on a coarser lattice of the grid. */
export function GradientField({ grid, frame }: GradientFieldProps) {
  const geometry = useMemo(() => {
    const segments = gradientArrowSegments(grid, frame);
    const built = new BufferGeometry();
    built.setAttribute('position', new BufferAttribute(segments.positions, 3));
    built.setAttribute('color', new BufferAttribute(segments.colors, 3));
    return built;
  }, [grid, frame]);
  useEffect(() => () => geometry.dispose(), [geometry]);

  return (
    <lineSegments geometry={geometry}>
      <lineBasicMaterial vertexColors transparent opacity={0.85} />
    </lineSegments>
  );
}
