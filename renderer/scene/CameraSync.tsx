// Cameras that move together: orbiting, panning or zooming one viewer of a group puts every
// other viewer's camera at the same place, looking at the same point (the comparison's views).
// Per-frame work happens in the controls' change events, outside React; CameraWatch shows each
// view's own camera on its canvas.
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { copyView, type CameraGroup, type Controls, type Member } from './cameraGroup.js';

export { createCameraGroup, type CameraGroup } from './cameraGroup.js';

/** Inside a <Canvas> with default orbit controls: joins `group`, so this view and the group's move together. */
export function SyncedCamera({ group }: { group: CameraGroup }) {
  const camera = useThree((state) => state.camera);
  const controls = useThree((state) => state.controls) as unknown as Controls | null;
  const canvas = useThree((state) => state.gl.domElement);
  const invalidate = useThree((state) => state.invalidate);
  useEffect(() => {
    if (!controls) return;
    const member: Member = { camera, controls, canvas, invalidate: () => invalidate() };
    group.members.add(member);
    const onChange = () => {
      if (!group.copying) copyView(group, member);
    };
    controls.addEventListener('change', onChange);
    return () => {
      controls.removeEventListener('change', onChange);
      group.members.delete(member);
    };
  }, [group, camera, controls, canvas, invalidate]);
  return null;
}
