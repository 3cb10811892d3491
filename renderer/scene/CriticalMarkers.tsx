// Classified points above the surface: a diamond for a minimum, a cube for a saddle, a cone
// for a maximum, a sphere otherwise; drawn over everything, on a short stem to the surface.
import { Line } from '@react-three/drei';
import { useMemo } from 'react';
import { MARKER_COLORS, type SurfaceMarker } from '../landscape/markers.js';
import { worldX, worldY, worldZ, type SceneFrame } from './frame.js';

const LIFT = 0.12;
const SIZE = 0.07;

interface CriticalMarkersProps {
  markers: readonly SurfaceMarker[];
  heightAt: (alpha: number, beta: number) => number;
  frame: SceneFrame;
  revision: number;
}

/** One mesh per marker. */
export function CriticalMarkers({ markers, heightAt, frame, revision }: CriticalMarkersProps) {
  const placed = useMemo(
    () =>
      markers.map((m) => {
        const h = heightAt(m.alpha, m.beta);
        const y = worldY(frame, Math.min(frame.fMax, Math.max(frame.fMin, Number.isFinite(h) ? h : frame.fMin)));
        const x = worldX(frame, m.alpha);
        const z = worldZ(frame, m.beta);
        return { marker: m, base: [x, y, z] as [number, number, number], top: [x, y + LIFT, z] as [number, number, number] };
      }),
    // revision stands for the grid values behind heightAt.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [markers, heightAt, frame, revision],
  );
  return (
    <group>
      {placed.map(({ marker, base, top }, k) => (
        <group key={k}>
          <Line points={[base, top]} color={MARKER_COLORS[marker.kind]} lineWidth={2} depthTest={false} renderOrder={19} />
          <mesh position={top} renderOrder={20} rotation={marker.kind === 'saddle' ? [Math.PI / 4, Math.PI / 4, 0] : [0, 0, 0]}>
            {marker.kind === 'minimum' || marker.kind === 'image' ? (
              <octahedronGeometry args={[SIZE]} />
            ) : marker.kind === 'saddle' ? (
              <boxGeometry args={[SIZE * 1.3, SIZE * 1.3, SIZE * 1.3]} />
            ) : marker.kind === 'maximum' ? (
              <coneGeometry args={[SIZE, SIZE * 1.8, 16]} />
            ) : (
              <sphereGeometry args={[SIZE * 0.8, 16, 12]} />
            )}
            <meshBasicMaterial color={MARKER_COLORS[marker.kind]} depthTest={false} />
          </mesh>
        </group>
      ))}
    </group>
  );
}

/** The SVG shape of a marker centred at (x, y), for the contour plot and legends. */
export function markerPath(kind: SurfaceMarker['kind'], x: number, y: number, r: number): string {
  switch (kind) {
    case 'minimum':
    case 'image':
      return `M${x} ${y - r}L${x + r} ${y}L${x} ${y + r}L${x - r} ${y}Z`;
    case 'saddle':
      // A bow tie: up on one axis, down on the other.
      return `M${x - r} ${y - r}L${x + r} ${y + r}L${x + r} ${y - r}L${x - r} ${y + r}Z`;
    case 'maximum':
      return `M${x} ${y - r}L${x + r} ${y + r * 0.8}L${x - r} ${y + r * 0.8}Z`;
    case 'degenerate':
    case 'third':
      return `M${x - r} ${y}A${r} ${r} 0 1 0 ${x + r} ${y}A${r} ${r} 0 1 0 ${x - r} ${y}Z`;
  }
}
