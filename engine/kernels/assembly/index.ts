// (AssemblyScript) The kernels of the landscape evaluator, compiled to WebAssembly by
// build.mjs; engine/kernels/kernels.ts instantiates them.
export { heapBase } from './memory';
export { setExpTable } from './exp';
export { softmaxSums } from './softmax';
export { bindBreakpoint, bindBreakpointScratch, sweepBlock } from './breakpoint';
export { activate, bindLogistic, denseSoftmaxSums, recur } from './logistic';
export { linearBackprop, linearForward, linearGradient, reluSlope } from './linear';
export { linearForward32 } from './linear32';
export { productSkippingZeros32 } from './linearGrad32';
export { adamUpdate } from './adam';
export { transposeToFloat32 } from './transpose';
