// Weight-space symmetries and connected optima: permutations, sign flips, rescalings, the
// count of equivalent optima, canonical forms, weight matching, and paths between minima.
export { type NetworkState, cloneState } from './network.js';
export { SymmetryRefused } from './errors.js';
export { unitGroups, groupOf, residualStream, type UnitGroup } from './groups.js';
export { permuteHiddenUnits, randomPermutation, inversePermutation, isPermutation } from './permute.js';
export { flipMap, rescaleMap, type UnitMap } from './unitMaps.js';
export { flipUnit, rescaleUnit, applyUnitSymmetry, unitSymmetryRefusal, type UnitSymmetry } from './unitTransforms.js';
export { scaleBatchNormInput, batchNormScaleRefusal, batchNormScaleIsExact } from './batchNormScale.js';
export { transformNetwork, symmetryRefusal, isExactSymmetry, symmetryNote, describeTransform, type SymmetryTransform } from './transform.js';
export { applySymmetry, checkInvariance, type InvarianceCheck, type SymmetryResult, type NormChoice } from './invariance.js';
export { countEquivalentOptima, factorial, scientific, bigLog10, type SymmetryCount, type GroupCount } from './count.js';
export { canonicalForm, type CanonicalForm } from './canonical.js';
export { weightMatching, unitSimilarity, type WeightMatchingOptions, type WeightMatchingResult } from './weightMatching.js';
export { linearPath, profileOf, unitInterval, type PathProfile } from './paths.js';
export { fitBezierCurve, bezierPath, bezierPoint, type BezierOptions, type BezierCurve } from './bezier.js';
export { connectOptima, type Connection, type ConnectOptions, type ConnectStage } from './connect.js';
export { planeThroughPoints, planeBounds, type PlaneThroughPoints } from './plane.js';
