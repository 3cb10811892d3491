// The optimizer's path on the surface: a line from the start (white) to θ* (red), and a
// playback marker (orange) that the slider moves along it.
import { Line } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { Mesh } from 'three';
import type { TrajectoryPoint } from '../../engine/landscape/surface.js';
import { useServices } from '../AppContext.js';
import { pathPolylines, positionAlong } from '../landscape/trajectory.js';
import { worldX, worldY, worldZ, type SceneFrame } from './frame.js';

/** Colours of the path and its markers (kept out of viridis' hues). */
export const PATH_COLOR = '#ff5c8a';
export const START_COLOR = '#ffffff';
export const END_COLOR = '#ff2e4d';
export const PLAYBACK_COLOR = '#ff9f1c';

/** Lift of the path above the surface, in world units, against depth fighting. */
const LIFT = 0.02;

interface TrajectoryProps {
  points: readonly TrajectoryPoint[];
  /** Plotted height of the surface at (α, β); NaN where unknown. */
  heightAt: (alpha: number, beta: number) => number;
  frame: SceneFrame;
  /** Changes when heightAt's answers change. */
  revision: number;
}

type Vec3 = [number, number, number];

/** Draws the path, its start and end markers, and the playback marker. */
export function Trajectory({ points, heightAt, frame, revision }: TrajectoryProps) {
  const world = useMemo(() => {
    const at = (alpha: number, beta: number, height: number): Vec3 => [worldX(frame, alpha), worldY(frame, Math.min(frame.fMax, Math.max(frame.fMin, height))) + LIFT, worldZ(frame, beta)];
    const lines = pathPolylines(points, heightAt).map((line) => line.map((v) => at(v.alpha, v.beta, v.height)));
    const marker = (p: TrajectoryPoint | undefined): Vec3 | null => {
      if (!p) return null;
      const h = heightAt(p.alpha, p.beta);
      return Number.isFinite(h) ? at(p.alpha, p.beta, h) : null;
    };
    return { lines, start: marker(points[0]), end: marker(points.at(-1)), at };
    // revision stands for the grid values behind heightAt.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [points, heightAt, frame, revision]);

  return (
    <group>
      {world.lines.map((line, k) => (
        <group key={k}>
          <Line points={line} color="#0d1017" lineWidth={5} transparent opacity={0.55} />
          <Line points={line} color={PATH_COLOR} lineWidth={2.5} />
        </group>
      ))}
      {world.start && (
        <mesh position={world.start}>
          <sphereGeometry args={[0.035, 20, 14]} />
          <meshBasicMaterial color={START_COLOR} />
        </mesh>
      )}
      {world.end && (
        <mesh position={world.end}>
          <sphereGeometry args={[0.042, 20, 14]} />
          <meshBasicMaterial color={END_COLOR} />
        </mesh>
      )}
      <PlaybackMarker points={points} heightAt={heightAt} at={world.at} />
    </group>
  );
}

interface PlaybackMarkerProps {
  points: readonly TrajectoryPoint[];
  heightAt: (alpha: number, beta: number) => number;
  at: (alpha: number, beta: number, height: number) => Vec3;
}

/** A marker at the playback slider's position, moved in the frame loop (no React render per move). */
function PlaybackMarker({ points, heightAt, at }: PlaybackMarkerProps) {
  const { project } = useServices();
  const ref = useRef<Mesh>(null);
  const invalidate = useThree((state) => state.invalidate);
  useEffect(() => project.subscribe(() => invalidate()), [project, invalidate]);
  useFrame(() => {
    const marker = ref.current;
    if (!marker) return;
    const p = positionAlong(points, project.getState().view.playback);
    const h = p ? heightAt(p.alpha, p.beta) : NaN;
    marker.visible = p !== null && Number.isFinite(h);
    if (p && marker.visible) marker.position.set(...at(p.alpha, p.beta, h));
  });
  // Drawn last and over everything: on a short path it sits among the start and end markers.
  return (
    <mesh ref={ref} visible={false} renderOrder={10}>
      <sphereGeometry args={[0.024, 18, 12]} />
      <meshBasicMaterial color={PLAYBACK_COLOR} depthTest={false} />
    </mesh>
  );
}
