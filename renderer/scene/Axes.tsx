// Labelled axes x, y and f around the surface, with a faint grid on the floor.
import { Html } from '@react-three/drei';
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import { axesLayout } from './axesLayout.js';
import type { SceneFrame } from './frame.js';

interface AxesProps {
  frame: SceneFrame;
}

function segments(points: Float32Array): BufferGeometry {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(points, 3));
  return geometry;
}

/** Draws the plot box's axes and labels for `frame`. */
export function Axes({ frame }: AxesProps) {
  const layout = useMemo(() => axesLayout(frame), [frame]);
  const gridGeometry = useMemo(() => segments(layout.grid), [layout]);
  const frameGeometry = useMemo(() => segments(layout.frame), [layout]);
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
        <Html key={label.key} position={label.position} center className={`axis-label axis-label--${label.kind}`}>
          {label.text}
        </Html>
      ))}
    </group>
  );
}
