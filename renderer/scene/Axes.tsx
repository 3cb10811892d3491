// Labelled axes x, y and f around the surface, with a faint grid on the floor.
import { Html } from '@react-three/drei';
import { useContext, useEffect, useMemo, type RefObject } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import { axesLayout, type AxesOptions } from './axesLayout.js';
import type { SceneFrame } from './frame.js';
import { LabelLayer } from './SceneCanvas.js';

interface AxesProps {
  frame: SceneFrame;
  /** Titles and value ticks (default: x, y, f with round ticks). */
  options?: AxesOptions;
}

function segments(points: Float32Array): BufferGeometry {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(points, 3));
  return geometry;
}

/** Draws the plot box's axes and labels for `frame`. */
export function Axes({ frame, options }: AxesProps) {
  const layout = useMemo(() => axesLayout(frame, 5, options), [frame, options]);
  const gridGeometry = useMemo(() => segments(layout.grid), [layout]);
  const frameGeometry = useMemo(() => segments(layout.frame), [layout]);
  const layer = useContext(LabelLayer);
  useEffect(() => () => gridGeometry.dispose(), [gridGeometry]);
  useEffect(() => () => frameGeometry.dispose(), [frameGeometry]);

  return (
    <group>
      <lineSegments geometry={gridGeometry}>
        <lineBasicMaterial color="#3a4256" />
      </lineSegments>
      <lineSegments geometry={frameGeometry}>
        <lineBasicMaterial color="#8a93a8" />
      </lineSegments>
      {layout.labels.map((label) => (
        <Html key={label.key} position={label.position} center portal={(layer ?? undefined) as RefObject<HTMLElement> | undefined} className={`axis-label axis-label--${label.kind}`}>
          {label.text}
        </Html>
      ))}
    </group>
  );
}
