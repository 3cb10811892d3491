import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { copyView, createCameraGroup } from '../../../renderer/scene/cameraGroup.js';

/** A viewer's camera with orbit-like controls that announce every update, as OrbitControls does. */
function member(group: ReturnType<typeof createCameraGroup>) {
  const camera = new PerspectiveCamera();
  const listeners = new Set<() => void>();
  const canvas = { dataset: {} as Record<string, string> } as unknown as HTMLCanvasElement;
  const m = {
    camera,
    canvas,
    renders: 0,
    controls: {
      target: new Vector3(),
      updates: 0,
      update() {
        this.updates++;
        camera.lookAt(this.target);
        listeners.forEach((l) => l());
      },
      addEventListener: (_: 'change', l: () => void) => listeners.add(l),
      removeEventListener: (_: 'change', l: () => void) => listeners.delete(l),
    },
    invalidate: () => m.renders++,
  };
  group.members.add(m);
  return m;
}

describe('synchronized cameras', () => {
  it('put every other viewer’s camera where the moved one is, looking at the same point', () => {
    const group = createCameraGroup();
    const [a, b, c] = [member(group), member(group), member(group)];
    a.camera.position.set(1, 2, 3);
    a.controls.target.set(0, 0.4, 0);
    a.camera.lookAt(a.controls.target);
    copyView(group, a);
    for (const other of [b, c]) {
      expect(other.camera.position.toArray()).toEqual([1, 2, 3]);
      expect(other.controls.target.toArray()).toEqual([0, 0.4, 0]);
      other.camera.quaternion.toArray().forEach((q, k) => expect(q).toBeCloseTo(a.camera.quaternion.toArray()[k], 12));
      expect([other.controls.updates, other.renders]).toEqual([1, 1]);
      expect(other.canvas.dataset.camera).toBe('1.000,2.000,3.000');
    }
    expect(a.controls.updates).toBe(0);
    expect(group.copying).toBe(false);
  });
});
