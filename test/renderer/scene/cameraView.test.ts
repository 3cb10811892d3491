// Exact camera views: a camera put at a kept view reads back as that view and shows the same
// picture after the view has been through a project file.
import { PerspectiveCamera, Vector3 } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { describe, expect, it } from 'vitest';
import { projectFileOf, projectFileText, readProjectFile, type JsonValue } from '../../../engine/io/projectFile.js';
import { projectStateOf } from '../../../renderer/io/openProject.js';
import { cameraViewOf, placeView } from '../../../renderer/scene/cameraView.js';
import { defaultProject, type CameraView } from '../../../renderer/state/project.js';
import { projectReducer } from '../../../renderer/state/reducer.js';

/** A viewer's camera with damped orbit controls (three's own; drei's, from three-stdlib, orbit the same way). */
function viewer() {
  const camera = new PerspectiveCamera(38, 1.6, 0.1, 50);
  const controls = new OrbitControls(camera);
  controls.enableDamping = true;
  return { camera, controls };
}

const tuned: CameraView = { position: [-1.8, 3.1, 2.2], target: [0.2, 0.3, -0.1], fov: 19, zoom: 1.5 };

const expectClose = (actual: ArrayLike<number>, expected: ArrayLike<number>, digits = 12) => {
  expect(actual.length).toBe(expected.length);
  Array.from(actual).forEach((v, k) => expect(v).toBeCloseTo(expected[k], digits));
};

describe('exact camera views', () => {
  it('a camera put at a view reads back as that view, looking at its target through its lens', () => {
    const { camera, controls } = viewer();
    placeView(camera, controls, tuned);
    const back = cameraViewOf(camera, controls);
    expect(back).toMatchObject({ target: tuned.target, fov: 19, zoom: 1.5 });
    expectClose(back.position, tuned.position);
    const toTarget = new Vector3(...tuned.target).sub(new Vector3(...tuned.position)).normalize();
    expectClose(camera.getWorldDirection(new Vector3()).toArray(), toTarget.toArray());
    const lens = new PerspectiveCamera(19, 1.6, 0.1, 50);
    lens.zoom = 1.5;
    lens.updateProjectionMatrix();
    expectClose(camera.projectionMatrix.elements, lens.projectionMatrix.elements);
  });

  it('without controls yet, the camera still looks at the target', () => {
    const camera = new PerspectiveCamera();
    placeView(camera, null, tuned);
    expect(camera.position.toArray()).toEqual(tuned.position);
    const toTarget = new Vector3(...tuned.target).sub(new Vector3(...tuned.position)).normalize();
    expectClose(camera.getWorldDirection(new Vector3()).toArray(), toTarget.toArray());
  });

  it('a view kept in a project file shows the same picture in a new viewer', () => {
    const a = viewer();
    placeView(a.camera, a.controls, tuned);
    // The user orbits a little further; the kept view is read from the live camera.
    a.camera.position.set(2.4, 1.1, -2.05);
    a.controls.update();
    const view = cameraViewOf(a.camera, a.controls);
    const state = projectReducer(defaultProject(), { type: 'camera/view', name: 'landscape', view });
    const text = projectFileText(projectFileOf({ state: state as unknown as JsonValue }));
    const opened = projectReducer(defaultProject(), { type: 'load', state: projectStateOf(readProjectFile(text).state) });
    expect(opened.view.cameraViews.landscape).toEqual(view);

    const b = viewer();
    placeView(b.camera, b.controls, opened.view.cameraViews.landscape!);
    a.camera.updateMatrixWorld();
    b.camera.updateMatrixWorld();
    expectClose(b.camera.matrixWorld.elements, a.camera.matrixWorld.elements);
    expectClose(b.camera.projectionMatrix.elements, a.camera.projectionMatrix.elements);
  });
});
