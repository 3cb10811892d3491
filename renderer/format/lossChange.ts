// How a symmetry's loss change reads in the Symmetry section.

/** "loss unchanged (Δ = 1e-16)" when the change is at rounding level, else the change. */
export function lossChangeText(lossChange: number, relativeChange: number): string {
  const delta = lossChange === 0 ? '0' : lossChange.toExponential(0).replace('e+', 'e');
  return Math.abs(relativeChange) <= 1e-9 ? `loss unchanged (Δ = ${delta})` : `loss changed by Δ = ${lossChange.toExponential(2)} (relative ${relativeChange.toExponential(2)})`;
}
