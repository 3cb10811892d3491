// Camera presets: iso (the default), top (the contour plot's view) and side (the profile
// along α). A preset is applied when it is picked, and again on reset.
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { PerspectiveCamera, type Camera } from 'three';
import type { CameraPreset } from '../state/project.js';

/** Where the camera sits for each preset; it looks at TARGET. */
export const CAMERA_POSITIONS: Record<CameraPreset, [number, number, number]> = {
  iso: [2.75, 2.05, 2.9],
  top: [0, 9.2, 0.0001],
  side: [0, 0.75, 4.3],
};

/** Vertical field of view per preset: the top view is nearly orthographic, like a contour plot. */
export const CAMERA_FOV: Record<CameraPreset, number> = { iso: 38, top: 19, side: 38 };

export const CAMERA_TARGET: [number, number, number] = [0, 0.4, 0];

interface OrbitLike {
  target: { set(x: number, y: number, z: number): void };
  update(): void;
}

/** Viewports narrower than this (width / height) move the camera back so the box still fits. */
const FIT_ASPECT = 1.45;

/** The camera position of `preset` for a viewport of this aspect ratio. */
export function cameraPosition(preset: CameraPreset, aspect: number): [number, number, number] {
  // Nearly in proportion: three or four surfaces side by side leave each a tall, narrow viewport.
  const scale = Math.max(1, Math.min(3, (FIT_ASPECT / Math.max(aspect, 0.1)) ** 0.9));
  const [x, y, z] = CAMERA_POSITIONS[preset];
  const [tx, ty, tz] = CAMERA_TARGET;
  return [tx + (x - tx) * scale, ty + (y - ty) * scale, tz + (z - tz) * scale];
}

/** Puts `camera` (and the controls' target) where `preset` says, for a viewport of this aspect. */
function placeCamera(camera: Camera, controls: OrbitLike | null, preset: CameraPreset, aspect: number): void {
  camera.position.set(...cameraPosition(preset, aspect));
  if (camera instanceof PerspectiveCamera) {
    camera.fov = CAMERA_FOV[preset];
    camera.updateProjectionMatrix();
  }
  camera.up.set(0, 1, 0);
  if (controls) {
    controls.target.set(...CAMERA_TARGET);
    controls.update();
  } else {
    camera.lookAt(...CAMERA_TARGET);
  }
}

/** Moves the camera (and the orbit controls' target) to `preset` whenever `nonce` changes or the viewport's shape does. */
export function CameraRig({ preset, nonce }: { preset: CameraPreset; nonce: number }) {
  const camera = useThree((state) => state.camera);
  // A hidden canvas has no size: keep the last aspect until it is shown again.
  const aspect = useThree((state) => (state.size.width > 0 && state.size.height > 0 ? Math.round((state.size.width / state.size.height) * 10) / 10 : 0));
  const controls = useThree((state) => state.controls) as unknown as OrbitLike | null;
  const invalidate = useThree((state) => state.invalidate);
  useEffect(() => {
    if (aspect === 0) return;
    placeCamera(camera, controls, preset, aspect);
    invalidate();
  }, [camera, controls, preset, nonce, aspect, invalidate]);
  return null;
}
