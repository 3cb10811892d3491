// Dense symmetric linear algebra on row-major Float64Array matrices: eigen-decompositions
// (Householder + implicit QL), tridiagonal eigenproblems for Lanczos, Gram–Schmidt and
// BLAS-1 helpers.
export { eigh, eigvalsh, type SymmetricEigen } from './eigh.js';
export {
  eighTridiagonal,
  type TridiagonalEigen,
  type TridiagonalFirstComponents,
  type TridiagonalOptions,
  type TridiagonalVectors,
} from './tridiagonal.js';
export { orthonormalize, orthogonalizeAgainst, type OrthonormalizeOptions, type OrthonormalizeResult } from './gramSchmidt.js';
export { dot, norm, axpy, scale } from './vector.js';
