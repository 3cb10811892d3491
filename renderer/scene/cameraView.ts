// An orbit camera as plain numbers (a CameraView) and back: what a project keeps of a 3D view,
// read from the live camera and put back exactly. No React: CameraRig and CameraWatch use it.
import { PerspectiveCamera, type Camera } from 'three';
import type { CameraView } from '../state/project.js';
import type { Controls } from './cameraGroup.js';

/** The orbit controls' part used here; null before the controls exist. */
type Orbit = Pick<Controls, 'target' | 'update'> | null;

/** The view of `camera`, orbiting the controls' target. */
export function cameraViewOf(camera: Camera, controls: Pick<Controls, 'target'>): CameraView {
  const lens = camera instanceof PerspectiveCamera ? camera : null;
  return {
    position: camera.position.toArray(),
    target: controls.target.toArray(),
    fov: lens?.fov ?? 50,
    zoom: lens?.zoom ?? 1,
  };
}

/** Puts `camera` (and the controls' target) at `view`. */
export function placeView(camera: Camera, controls: Orbit, view: CameraView): void {
  camera.position.set(...view.position);
  if (camera instanceof PerspectiveCamera) {
    camera.fov = view.fov;
    camera.zoom = view.zoom;
    camera.updateProjectionMatrix();
  }
  camera.up.set(0, 1, 0);
  if (controls) {
    controls.target.set(...view.target);
    controls.update();
  } else {
    camera.lookAt(...view.target);
  }
}
