// Watches a 3D view's camera: shows it on the canvas (data-camera) and, when the user has
// orbited, panned or zoomed and the view has come to rest (the damping included), reports it
// once, so the project keeps the view without a state change per frame.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Vector3 } from 'three';
import type { CameraView } from '../state/project.js';
import { expose, type Controls } from './cameraGroup.js';
import { cameraViewOf } from './cameraView.js';

/** Orbit controls with damping, announcing the start and end of the user's gestures. */
interface GestureControls extends Controls {
  enableDamping: boolean;
  addEventListener(type: 'change' | 'start' | 'end', listener: () => void): void;
  removeEventListener(type: 'change' | 'start' | 'end', listener: () => void): void;
}

/**
 * Ends the damping at once, where it would have come to rest. Its last steps are too small
 * for the controls to announce (or to ask for another frame), so without this the view would
 * stop short of its rest, and move on by that much at the next frame drawn for any reason.
 */
function settle(controls: GestureControls): void {
  const damping = controls.enableDamping;
  controls.enableDamping = false;
  controls.update();
  controls.enableDamping = damping;
}

/** Inside a <Canvas> with default orbit controls: calls `onRest` with the camera after each of the user's moves. */
export function CameraWatch({ onRest }: { onRest: (view: CameraView) => void }) {
  const camera = useThree((state) => state.camera);
  const controls = useThree((state) => state.controls) as unknown as GestureControls | null;
  const canvas = useThree((state) => state.gl.domElement);
  const invalidate = useThree((state) => state.invalidate);
  // Moves placed by the app (presets, synced views) are not the user's: only a gesture's count.
  const watch = useRef({ dragging: false, moved: false, changed: false, shown: new Vector3(NaN, NaN, NaN) });

  useEffect(() => {
    if (!controls) return;
    const w = watch.current;
    const onStart = () => {
      w.dragging = true;
      w.moved = true;
    };
    const onEnd = () => {
      w.dragging = false;
      // One more frame, so a release without a move still comes to rest.
      invalidate();
    };
    const onChange = () => {
      w.changed = true;
    };
    controls.addEventListener('start', onStart);
    controls.addEventListener('end', onEnd);
    controls.addEventListener('change', onChange);
    return () => {
      controls.removeEventListener('start', onStart);
      controls.removeEventListener('end', onEnd);
      controls.removeEventListener('change', onChange);
    };
  }, [controls, invalidate]);

  // The controls update (and damp) before this runs: a frame without a change after the gesture is the rest.
  useFrame(() => {
    const w = watch.current;
    if (controls && w.moved && !w.dragging && !w.changed) {
      w.moved = false;
      settle(controls);
      onRest(cameraViewOf(camera, controls));
    }
    w.changed = false;
    if (!w.shown.equals(camera.position)) {
      w.shown.copy(camera.position);
      expose({ camera, canvas });
    }
  });
  return null;
}
