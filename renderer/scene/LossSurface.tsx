// A computed loss surface as a lit viridis mesh. The geometry is allocated once per grid
// size; streamed rows are written into its buffers inside the frame loop, never through
// React state.
import { useFrame, useThree, type ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, DoubleSide, DynamicDrawUsage } from 'three';
import type { GridValues, Transform } from '../landscape/display.js';
import type { SceneFrame } from './frame.js';
import { allocateLandscapeMesh, fillLandscapeMesh } from './landscapeMesh.js';

interface LossSurfaceProps {
  grid: GridValues;
  /** Changes whenever the grid's values change (the job's revision). */
  revision: number;
  frame: SceneFrame;
  transform: Transform;
  /** World point under the pointer, or null when it leaves the surface. */
  onHover?: (point: { x: number; z: number } | null) => void;
}

function dynamic(array: Float32Array | Uint32Array, size: number): BufferAttribute {
  return new BufferAttribute(array, size).setUsage(DynamicDrawUsage);
}

/** Tells three.js that the mesh's buffers changed and that `count` indices are to be drawn. */
function uploadMesh(geometry: BufferGeometry, count: number): void {
  for (const name of ['position', 'normal', 'color'] as const) geometry.getAttribute(name).needsUpdate = true;
  geometry.index!.needsUpdate = true;
  geometry.setDrawRange(0, count);
  geometry.computeBoundingSphere();
}

/** Draws the grid's known cells; refills the buffers when the revision, frame or transform change. */
export function LossSurface({ grid, revision, frame, transform, onHover }: LossSurfaceProps) {
  const na = grid.alpha.length;
  const nb = grid.beta.length;
  const { geometry, mesh } = useMemo(() => {
    const mesh = allocateLandscapeMesh(na, nb);
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', dynamic(mesh.positions, 3));
    geometry.setAttribute('normal', dynamic(mesh.normals, 3));
    geometry.setAttribute('color', dynamic(mesh.colors, 3));
    geometry.setIndex(dynamic(mesh.indices, 1));
    geometry.setDrawRange(0, 0);
    return { geometry, mesh };
  }, [na, nb]);
  useEffect(() => () => geometry.dispose(), [geometry]);

  const applied = useRef<{ revision: number; frame: SceneFrame; transform: Transform; geometry: BufferGeometry } | null>(null);
  const invalidate = useThree((state) => state.invalidate);
  useEffect(() => invalidate(), [revision, frame, transform, invalidate]);

  useFrame(() => {
    const last = applied.current;
    if (last && last.revision === revision && last.frame === frame && last.transform === transform && last.geometry === geometry) return;
    uploadMesh(geometry, fillLandscapeMesh(mesh, grid, frame, transform));
    applied.current = { revision, frame, transform, geometry };
  });

  const hover = onHover
    ? {
        onPointerMove: (event: ThreeEvent<PointerEvent>) => onHover({ x: event.point.x, z: event.point.z }),
        onPointerOut: () => onHover(null),
      }
    : {};

  return (
    <mesh geometry={geometry} {...hover}>
      <meshLambertMaterial vertexColors side={DoubleSide} polygonOffset polygonOffsetFactor={1} polygonOffsetUnits={1} />
    </mesh>
  );
}
