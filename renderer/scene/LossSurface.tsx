// A computed loss surface as a lit, colormapped mesh, with an optional wireframe over it. The
// geometry is allocated once per grid size; streamed rows are written into its buffers inside
// the frame loop, never through React state.
import { useFrame, useThree, type ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, DoubleSide, DynamicDrawUsage } from 'three';
import type { ColormapName } from '../../engine/io/figure/colormaps.js';
import type { GridValues, Transform } from '../landscape/display.js';
import type { SceneFrame } from './frame.js';
import { allocateLandscapeMesh, fillLandscapeMesh } from './landscapeMesh.js';
import { allocateWireframe, fillWireframe } from './wireframe.js';

interface LossSurfaceProps {
  grid: GridValues;
  /** Changes whenever the grid's values change (the job's revision). */
  revision: number;
  frame: SceneFrame;
  transform: Transform;
  colormap: ColormapName;
  /** Draw the grid's lines over the surface. */
  wireframe: boolean;
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

/** Marks the wireframe's buffers changed, with `count` indices to draw. */
function uploadWireframe(geometry: BufferGeometry, count: number): void {
  geometry.getAttribute('color').needsUpdate = true;
  geometry.index!.needsUpdate = true;
  geometry.setDrawRange(0, count);
  geometry.computeBoundingSphere();
}

/** Draws the grid's known cells; refills the buffers when the revision, frame, transform or colormap change. */
export function LossSurface({ grid, revision, frame, transform, colormap, wireframe, onHover }: LossSurfaceProps) {
  const na = grid.alpha.length;
  const nb = grid.beta.length;
  const { geometry, mesh, lines, wire } = useMemo(() => {
    const mesh = allocateLandscapeMesh(na, nb);
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', dynamic(mesh.positions, 3));
    geometry.setAttribute('normal', dynamic(mesh.normals, 3));
    geometry.setAttribute('color', dynamic(mesh.colors, 3));
    geometry.setIndex(dynamic(mesh.indices, 1));
    geometry.setDrawRange(0, 0);
    // The wireframe shares the mesh's positions: lines between vertices, in ink over their colours.
    const wire = allocateWireframe(na, nb);
    const lines = new BufferGeometry();
    lines.setAttribute('position', geometry.getAttribute('position'));
    lines.setAttribute('color', dynamic(wire.colors, 3));
    lines.setIndex(dynamic(wire.edges, 1));
    lines.setDrawRange(0, 0);
    return { geometry, mesh, lines, wire };
  }, [na, nb]);
  useEffect(
    () => () => {
      geometry.dispose();
      lines.dispose();
    },
    [geometry, lines],
  );

  const applied = useRef<{ revision: number; frame: SceneFrame; transform: Transform; colormap: ColormapName; wireframe: boolean; geometry: BufferGeometry } | null>(null);
  const invalidate = useThree((state) => state.invalidate);
  useEffect(() => invalidate(), [revision, frame, transform, colormap, wireframe, invalidate]);

  useFrame(() => {
    const last = applied.current;
    if (last && last.revision === revision && last.frame === frame && last.transform === transform && last.colormap === colormap && last.wireframe === wireframe && last.geometry === geometry) return;
    uploadMesh(geometry, fillLandscapeMesh(mesh, grid, frame, transform, colormap));
    // The wireframe costs nothing while it is off: it is filled when shown.
    if (wireframe) uploadWireframe(lines, fillWireframe(wire, grid.values, na, nb, mesh.positions, frame, colormap));
    applied.current = { revision, frame, transform, colormap, wireframe, geometry };
  });

  const hover = onHover
    ? {
        onPointerMove: (event: ThreeEvent<PointerEvent>) => onHover({ x: event.point.x, z: event.point.z }),
        onPointerOut: () => onHover(null),
      }
    : {};

  return (
    <group>
      <mesh geometry={geometry} {...hover}>
        <meshLambertMaterial vertexColors side={DoubleSide} polygonOffset polygonOffsetFactor={1} polygonOffsetUnits={1} />
      </mesh>
      <lineSegments geometry={lines} visible={wireframe}>
        <lineBasicMaterial vertexColors />
      </lineSegments>
    </group>
  );
}
