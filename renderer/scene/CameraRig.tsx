// Camera presets: iso (the default), top (the contour plot's view) and side (the profile
// along α). A preset is applied when it is picked, and again on reset; a view the user
// orbited (or a project brought back) is shown instead until a preset is picked.
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { CameraPreset, CameraView } from '../state/project.js';
import type { Controls } from './cameraGroup.js';
import { placeView } from './cameraView.js';

/** Where the camera sits for each preset; it looks at TARGET. */
export const CAMERA_POSITIONS: Record<CameraPreset, [number, number, number]> = {
  iso: [2.75, 2.05, 2.9],
  top: [0, 9.2, 0.0001],
  side: [0, 0.75, 4.3],
};

/** Vertical field of view per preset: the top view is nearly orthographic, like a contour plot. */
export const CAMERA_FOV: Record<CameraPreset, number> = { iso: 38, top: 19, side: 38 };

export const CAMERA_TARGET: [number, number, number] = [0, 0.4, 0];

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

/** The view of `preset` for a viewport of this aspect. */
function presetView(preset: CameraPreset, aspect: number): CameraView {
  return { position: cameraPosition(preset, aspect), target: CAMERA_TARGET, fov: CAMERA_FOV[preset], zoom: 1 };
}

/**
 * Moves the camera (and the orbit controls' target) to `view` when there is one, else to
 * `preset`, whenever either or `nonce` changes or the viewport's shape does.
 */
export function CameraRig({ preset, nonce, view }: { preset: CameraPreset; nonce: number; view?: CameraView }) {
  const camera = useThree((state) => state.camera);
  // A hidden canvas has no size: keep the last aspect until it is shown again.
  const aspect = useThree((state) => (state.size.width > 0 && state.size.height > 0 ? Math.round((state.size.width / state.size.height) * 10) / 10 : 0));
  const controls = useThree((state) => state.controls) as unknown as Controls | null;
  const invalidate = useThree((state) => state.invalidate);
  useEffect(() => {
    if (aspect === 0) return;
    placeView(camera, controls, view ?? presetView(preset, aspect));
    invalidate();
  }, [camera, controls, preset, nonce, aspect, view, invalidate]);
  return null;
}
