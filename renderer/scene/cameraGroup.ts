// A group of 3D viewers whose cameras follow each other: when one moves, the others are put
// at the same place, looking at the same point. Plain objects, no React (CameraSync.tsx joins a canvas).
import type { Camera, Vector3 } from 'three';

export interface Controls {
  target: Vector3;
  update(): void;
  addEventListener(type: 'change', listener: () => void): void;
  removeEventListener(type: 'change', listener: () => void): void;
}

export interface Member {
  camera: Camera;
  controls: Controls;
  canvas: HTMLCanvasElement;
  invalidate(): void;
}

/** Viewers whose cameras follow each other. */
export interface CameraGroup {
  members: Set<Member>;
  /** True while one member's view is being copied to the others (their change events are echoes). */
  copying: boolean;
}

/** A new, empty group. */
export function createCameraGroup(): CameraGroup {
  return { members: new Set(), copying: false };
}

/** Writes the camera's position on its canvas (data-camera="x,y,z"), for tests and screen readers. */
export function expose(member: Pick<Member, 'camera' | 'canvas'>): void {
  member.canvas.dataset.camera = member.camera.position.toArray().map((v) => v.toFixed(3)).join(',');
}

/** Copies `from`'s camera and orbit target to every other member of `group`. */
export function copyView(group: CameraGroup, from: Member): void {
  group.copying = true;
  try {
    for (const other of group.members) {
      if (other === from) continue;
      other.camera.position.copy(from.camera.position);
      other.camera.up.copy(from.camera.up);
      other.controls.target.copy(from.controls.target);
      other.controls.update();
      other.invalidate();
      expose(other);
    }
  } finally {
    group.copying = false;
  }
}
