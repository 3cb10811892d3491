// Every change a user can make to the project, as actions on one pure reducer.
import type { HiddenLayerSpec } from '../../engine/nn/spec.js';
import { applyPreset, defaultProject, type CameraPreset, type CameraView, type CameraViewName, type ProjectState, type SectionId } from './project.js';

/** The sections of the project a `set` action may patch. */
type Patchable = 'data' | 'model' | 'train' | 'landscape' | 'line' | 'view' | 'compare' | 'analysis';

export type SetAction = { [K in Patchable]: { type: 'set'; section: K; patch: Partial<ProjectState[K]> } }[Patchable];

export type ProjectAction =
  | SetAction
  | { type: 'preset'; name: string }
  | { type: 'layer/add' }
  | { type: 'layer/remove'; index: number }
  | { type: 'layer/set'; index: number; patch: Partial<HiddenLayerSpec> }
  | { type: 'section/toggle'; id: SectionId }
  | { type: 'camera'; preset: CameraPreset }
  /** The camera of a 3D view after the user moved it (once it came to rest, not every frame). */
  | { type: 'camera/view'; name: CameraViewName; view: CameraView }
  | { type: 'load'; state: ProjectState };

/** Settings that decide a training run: editing them leaves the preset behind. */
const runSections: ReadonlySet<Patchable> = new Set(['data', 'model', 'train']);

/** Widest hidden layer the Model panel allows. */
export const MAX_WIDTH = 1024;
/** Most hidden layers the Model panel allows. */
export const MAX_LAYERS = 8;

function customized(state: ProjectState): ProjectState {
  return state.train.preset === null ? state : { ...state, train: { ...state.train, preset: null } };
}

function withHidden(state: ProjectState, hidden: HiddenLayerSpec[]): ProjectState {
  // A residual block needs one more layer than it spans; drop it when the layers no longer allow it.
  const residual = state.model.residual > 0 && hidden.length < state.model.residual + 1 ? 0 : state.model.residual;
  return customized({ ...state, model: { ...state.model, hidden, residual } });
}

/** The project after `action`; unchanged sections keep their identity. */
export function projectReducer(state: ProjectState, action: ProjectAction): ProjectState {
  switch (action.type) {
    case 'set': {
      // Picking what is already there (the same data set, the same value) changes nothing.
      const current = state[action.section] as unknown as Record<string, unknown>;
      if (Object.entries(action.patch).every(([key, value]) => JSON.stringify(current[key]) === JSON.stringify(value))) return state;
      let next = { ...state, [action.section]: { ...state[action.section], ...action.patch } } as ProjectState;
      if (action.section === 'data' && ('source' in action.patch || 'builtin' in action.patch || 'synthetic' in action.patch || 'file' in action.patch)) {
        const sameSet =
          next.data.source === state.data.source && next.data.builtin === state.data.builtin && next.data.synthetic.name === state.data.synthetic.name && next.data.file === state.data.file;
        if (!sameSet && !('features' in action.patch)) next = { ...next, data: { ...next.data, features: null } };
      }
      // The preset stays with its own choice, or with a change of precision (how fast, not what, is trained).
      if (action.section === 'train' && ('preset' in action.patch || Object.keys(action.patch).every((key) => key === 'precision'))) return next;
      return runSections.has(action.section) ? customized(next) : next;
    }
    case 'preset':
      return applyPreset(state, action.name);
    case 'layer/add': {
      if (state.model.hidden.length >= MAX_LAYERS) return state;
      const last = state.model.hidden.at(-1) ?? { width: 16, activation: 'tanh', batchNorm: false };
      return withHidden(state, [...state.model.hidden, { ...last }]);
    }
    case 'layer/remove':
      return withHidden(state, state.model.hidden.filter((_, i) => i !== action.index));
    case 'layer/set': {
      const patch = { ...action.patch };
      if (patch.width !== undefined) patch.width = Math.min(MAX_WIDTH, Math.max(1, Math.round(patch.width)));
      return withHidden(state, state.model.hidden.map((layer, i) => (i === action.index ? { ...layer, ...patch } : layer)));
    }
    case 'section/toggle':
      return { ...state, view: { ...state.view, open: { ...state.view.open, [action.id]: !state.view.open[action.id] } } };
    case 'camera':
      // A preset replaces every orbited view, shown or not.
      return { ...state, view: { ...state.view, camera: action.preset, cameraNonce: state.view.cameraNonce + 1, cameraViews: {} } };
    case 'camera/view':
      if (JSON.stringify(state.view.cameraViews[action.name]) === JSON.stringify(action.view)) return state;
      return { ...state, view: { ...state.view, cameraViews: { ...state.view.cameraViews, [action.name]: action.view } } };
    case 'load': {
      // Projects saved before the analysis sections, one of their settings or a view setting (colormap, contours, …) get their defaults.
      const defaults = defaultProject();
      return { ...action.state, view: { ...defaults.view, ...action.state.view }, analysis: { ...defaults.analysis, ...action.state.analysis }, line: action.state.line ?? defaults.line };
    }
  }
}
