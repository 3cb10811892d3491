// The surface f(x, y) as a lit mesh coloured by the project's colormap.
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, DoubleSide } from 'three';
import type { ToyGrid } from '../../engine/toy/surfaces.js';
import { useProject } from '../AppContext.js';
import type { SceneFrame } from './frame.js';
import { surfaceBuffers } from './surfaceBuffers.js';

interface SurfaceProps {
  grid: ToyGrid;
  frame: SceneFrame;
}

/** Draws the grid's values as a surface; the geometry is rebuilt only when the data change. */
export function Surface({ grid, frame }: SurfaceProps) {
  const colormap = useProject((s) => s.view.colormap);
  const geometry = useMemo(() => {
    const buffers = surfaceBuffers(grid, frame, colormap);
    const built = new BufferGeometry();
    built.setAttribute('position', new BufferAttribute(buffers.positions, 3));
    built.setAttribute('normal', new BufferAttribute(buffers.normals, 3));
    built.setAttribute('color', new BufferAttribute(buffers.colors, 3));
    built.setIndex(new BufferAttribute(buffers.indices, 1));
    built.computeBoundingSphere();
    return built;
  }, [grid, frame, colormap]);
  useEffect(() => () => geometry.dispose(), [geometry]);

  return (
    <mesh geometry={geometry}>
      <meshLambertMaterial vertexColors side={DoubleSide} polygonOffset polygonOffsetFactor={1} polygonOffsetUnits={1} />
    </mesh>
  );
}
