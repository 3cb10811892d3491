// (AssemblyScript) A float64 matrix transposed and rounded to float32, by tiles, so that the
// reads and the writes both stay within a few cache lines: the float32 forward product's wᵀ.

const TILE = 16;

/** dst[j, i] = f32(src[i, j]): src [rows, cols] float64, dst [cols, rows] float32. */
export function transposeToFloat32(dst: usize, src: usize, rows: i32, cols: i32): void {
  for (let i0 = 0; i0 < rows; i0 += TILE) {
    const i1 = min(i0 + TILE, rows);
    for (let j0 = 0; j0 < cols; j0 += TILE) {
      const j1 = min(j0 + TILE, cols);
      for (let i = i0; i < i1; i++) {
        for (let j = j0; j < j1; j++) store<f32>(dst + ((<usize>j * <usize>rows + <usize>i) << 2), <f32>load<f64>(src + ((<usize>i * <usize>cols + <usize>j) << 3)));
      }
    }
  }
}
