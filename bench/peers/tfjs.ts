// TensorFlow.js peer: tfjs-core with the pure-JS cpu backend and the WebAssembly backend
// (XNNPACK; SIMD where the runtime has it; Node gets the single-threaded build). tfjs
// computes in float32 only. Backends are switched with tf.setBackend + tf.ready().
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TF } from '../types.js';

export type TfjsBackend = 'cpu' | 'wasm';

export interface TfjsPeer {
  tf: TF;
  version: string;
  /** Switches the backend; returns a one-line description, or throws why it cannot. */
  use(backend: TfjsBackend): Promise<string>;
}

/** Loads tfjs-core and both backends; null (with the reason) when they are not installed. */
export async function loadTfjs(): Promise<TfjsPeer | { error: string }> {
  let tf: TF;
  try {
    tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-cpu');
  } catch (e) {
    return { error: `tfjs-core / tfjs-backend-cpu not loadable: ${(e as Error).message}` };
  }
  // Skips tfjs's argument checks (and its "install tfjs-node" banner): production mode.
  tf.enableProdMode();
  const require = createRequire(import.meta.url);
  // tfjs-core's bundles carry no gradients (the @tensorflow/tfjs union package registers
  // them). Register them from tfjs-core's own module files; tfjs keeps its kernel and
  // gradient registries and its engine on globalThis, so this second module copy shares them.
  // require(), not import(): the files use extensionless relative imports that Node's ESM
  // resolver rejects (./gradients is both a file and a folder); tsx converts their syntax.
  try {
    require('@tensorflow/tfjs-core/dist/register_all_gradients.js');
  } catch (e) {
    return { error: `could not register tfjs-core's gradients: ${(e as Error).message}` };
  }
  let wasmError: string | null = null;
  try {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // Offline: the .wasm binaries ship in the package's dist/ folder; a path prefix makes
    // the Emscripten loader read them with fs instead of fetching them.
    const dist = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep;
    wasm.setWasmPaths(dist);
  } catch (e) {
    wasmError = `tfjs-backend-wasm not loadable: ${(e as Error).message}`;
  }
  const version = (require('@tensorflow/tfjs-core/package.json') as { version: string }).version;
  return {
    tf,
    version,
    async use(backend) {
      if (backend === 'wasm' && wasmError) throw new Error(wasmError);
      const ok = await tf.setBackend(backend);
      await tf.ready();
      if (!ok || tf.getBackend() !== backend) throw new Error(`tf.setBackend('${backend}') failed`);
      if (backend === 'cpu') return `tfjs-core ${version}, cpu backend (JS, float32)`;
      const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
      const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
      return `tfjs-core ${version}, wasm backend (XNNPACK, float32, ${simd ? 'SIMD' : 'no SIMD'}, ${threads ? 'multi-threaded' : '1 thread'})`;
    },
  };
}
