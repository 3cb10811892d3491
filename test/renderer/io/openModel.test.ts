// A model trained elsewhere opened in the app: PyTorch weights on the Data panel's data set,
// their hidden layers taking the Model panel's activations, give the predictions numpy computes
// (fixtures: ../../engine/io/fixtures/make_weights.py); an ONNX MLP names its own; a run file
// opens as it is. The opened run is the current one — surfaces are computed around it, a
// project keeps it — and what cannot be read or does not fit the data is refused, changing
// nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { fromData } from '../../../engine/index.js';
import { projectFileText, readProjectFile } from '../../../engine/io/projectFile.js';
import { runStateOf, type RunFile } from '../../../engine/io/runFile.js';
import { buildLayout, forward, type HiddenLayerSpec } from '../../../engine/nn/index.js';
import { readOpenedModel, showOpenedRun, type WeightsReader } from '../../../renderer/io/openModel.js';
import { projectFileToSave, showProjectFile } from '../../../renderer/io/openProject.js';
import { createSession } from '../../../renderer/session/session.js';
import { dataSpecOf, defaultProject, type ProjectState } from '../../../renderer/state/project.js';
import { projectReducer } from '../../../renderer/state/reducer.js';
import { createStore } from '../../../renderer/state/store.js';
import { exportEndpoint, surfaceFileOfScan } from '../../../workers/export.js';
import { inProcessClients } from '../session/inProcessClients.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../engine/io/fixtures/${name}`, import.meta.url)));
const expected = JSON.parse(readFileSync(new URL('../../engine/io/fixtures/expected.json', import.meta.url), 'utf8')) as { inputs: number[][]; logits: number[][] };

const readWeights: WeightsReader = async (bytes, name, data, activations) => exportEndpoint.runOfWeights(bytes, name, data, activations);

/** The app's settings for the fixture MLP: all four Iris features, no constant input, and `hidden`. */
function settingsFor(hidden: HiddenLayerSpec[]): ProjectState {
  const base = defaultProject();
  return { ...base, data: { ...base.data, builtin: 'iris', features: null, constantInput: false }, model: { ...base.model, hidden, bias: true } };
}
const fixtureLayers: HiddenLayerSpec[] = [
  { width: 6, activation: 'tanh', batchNorm: false },
  { width: 5, activation: 'relu', batchNorm: true },
];

/** The run's logits on the fixture's inputs, batch norm from its running statistics. */
function logitsOf(run: RunFile): number[] {
  const { spec, theta, buffers } = runStateOf(run);
  const x = fromData(Float64Array.from(expected.inputs.flat()), [expected.inputs.length, 4]);
  return Array.from(forward(spec, buildLayout(spec), fromData(theta, [theta.length]), x, { kind: 'running', buffers }).output.data);
}

describe('opening a model trained elsewhere', () => {
  it('reads PyTorch weights on the Data panel’s data set with the Model panel’s activations, one per layer', async () => {
    const settings = settingsFor(fixtureLayers);
    for (const name of ['weights.safetensors', 'weights.npz']) {
      const run = await readOpenedModel(fixture(name), name, settings, readWeights);
      expect(run.spec.hidden.map((h) => h.activation)).toEqual(['tanh', 'relu']);
      expect(run.data).toEqual(dataSpecOf(settings.data));
      expect(run.message).toBe(`imported from ${name}`);
      logitsOf(run).forEach((z, k) => expect(z).toBeCloseTo(expected.logits.flat()[k], 12));
    }
  });

  it('gives every layer the panel’s one activation, and an ONNX model its own', async () => {
    const allRelu = settingsFor(fixtureLayers.map((layer) => ({ ...layer, activation: 'relu' })));
    const relu = await readOpenedModel(fixture('weights.npz'), 'weights.npz', { ...allRelu, model: { ...allRelu.model, hidden: [{ width: 3, activation: 'relu', batchNorm: false }] } }, readWeights);
    expect(relu.spec.hidden.map((h) => h.activation)).toEqual(['relu', 'relu']);
    const onnx = await readOpenedModel(fixture('mlp.onnx'), 'mlp.onnx', allRelu, readWeights);
    expect(onnx.spec.hidden.map((h) => h.activation)).toEqual(['tanh', 'relu']);
    logitsOf(onnx).forEach((z, k) => expect(z).toBeCloseTo(expected.logits.flat()[k], 12));
  });

  it('opens a run file as it is', async () => {
    const settings = settingsFor(fixtureLayers);
    const run = await readOpenedModel(fixture('weights.npz'), 'weights.npz', settings, readWeights);
    const text = JSON.stringify(run);
    const opened = await readOpenedModel(new TextEncoder().encode(text), 'run.json', defaultProject(), async () => {
      throw new Error('a run file is not read as weights');
    });
    expect(opened).toEqual(JSON.parse(text));
  });

  it('refuses what does not fit or cannot be read, saying why', async () => {
    const cases: [string, Uint8Array, ProjectState, RegExp][] = [
      ['weights.npz', fixture('weights.npz'), defaultProject(), /^the model maps 4 inputs to 3 outputs, but iris has 3 inputs and needs 3 outputs \(softmax-ce\); choose the data set \(and the features\) it was trained on$/],
      ['weights.npz', fixture('weights.npz'), settingsFor([...fixtureLayers, { width: 4, activation: 'tanh', batchNorm: false }]), /^3 activations are given for 2 hidden layers: give one for all, or one per layer$/],
      ['cut.safetensors', fixture('weights.safetensors').subarray(0, 200), settingsFor(fixtureLayers), /truncat|end|short|bytes/i],
      ['run.json', new TextEncoder().encode('{"format":"losscape.run/1"'), defaultProject(), /^this is not a run file: the JSON does not parse/],
    ];
    for (const [name, bytes, settings, message] of cases) await expect(readOpenedModel(bytes, name, settings, readWeights), name).rejects.toThrow(message);
  });

  it('becomes the current run: a surface is computed around it, a project keeps it, and no second run is trained from it', async () => {
    const app = { project: createStore(projectReducer, settingsFor(fixtureLayers)), session: createSession(inProcessClients()) };
    app.project.dispatch({ type: 'set', section: 'landscape', patch: { resolution: 5 } });
    const run = await readOpenedModel(fixture('weights.safetensors'), 'weights.safetensors', app.project.getState(), readWeights);
    showOpenedRun(app, run, 'weights.safetensors');
    const training = app.session.store.getState().training!;
    expect(training).toMatchObject({ status: 'done', opened: 'weights.safetensors', run });
    expect(app.project.getState().view.tab).toBe('landscape');

    app.session.computeSurface(app.project.getState());
    await vi.waitFor(() => expect(app.session.store.getState().surface?.status).toBe('ready'), { timeout: 20_000 });
    const surface = app.session.store.getState().surface!;
    // At the centre, the loss of the imported θ* (batch statistics of the full training split, the default).
    expect(Number.isFinite(surface.loss[(surface.loss.length - 1) / 2])).toBe(true);

    const text = projectFileText(await projectFileToSave(app, async (scan) => surfaceFileOfScan(scan)));
    const again = { project: createStore(projectReducer, defaultProject()), session: createSession(inProcessClients()) };
    showProjectFile(again, readProjectFile(text));
    expect(again.session.store.getState().training).toMatchObject({ opened: 'weights.safetensors', recipe: training.recipe, run });
    expect(again.session.store.getState().surface).toMatchObject({ status: 'ready' });

    app.project.dispatch({ type: 'set', section: 'analysis', patch: { pathEnd: 'seed' } });
    app.session.computePaths(app.project.getState());
    await vi.waitFor(() => expect(app.session.store.getState().paths?.status).toBe('error'), { timeout: 10_000 });
    expect(app.session.store.getState().paths!.error).toMatch(/^this model was opened, not trained here: there is no recipe to train a second run from/);
  }, 60_000);
});
