// The part of the WebAssembly JS API the kernels use, for engine/'s type check, whose libs
// (ES2022, no DOM, no Node) leave it out; the other programs take it from lib.dom.
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Memory {
    readonly buffer: ArrayBuffer;
    grow(pages: number): number;
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
}
