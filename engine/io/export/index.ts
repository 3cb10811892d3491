// Exports of surfaces and lines: figures (SVG), data (CSV, .npz, VTK), meshes (glTF, OBJ,
// STL), animated GIFs, a standalone HTML page, and a run's weights as safetensors. All DOM-free.
export { ExportError } from './exportError.js';
export { surfaceContourSvg, type ContourOptions } from './svgContour.js';
export { surfaceHeatmapSvg, type HeatmapOptions } from './svgHeatmap.js';
export { surface3dSvg, type Surface3dOptions } from './svgSurface.js';
export { lineSvg, type LineFigureOptions } from './svgLine.js';
export { surfaceCsv, trajectoryCsv, lineCsv } from './csv.js';
export { surfaceNpz, lineNpz, npzBytes } from './npz.js';
export { surfaceVts, trajectoryVtp } from './vtk.js';
export { surfaceGlb } from './gltf.js';
export { surfaceObj } from './obj.js';
export { surfaceStl } from './stl.js';
export { surfaceHtml, type HtmlOptions } from './html.js';
export { safetensorsBytes } from './safetensors.js';
export { surfaceMesh, type MeshOptions, type MeshMapping, type SurfaceMesh } from './surfaceMesh.js';
export { colormapNames, isColormapName, type ColormapName } from '../figure/colormaps.js';
export { themes, type FigureOptions, type Theme } from '../figure/theme.js';
export { defaultCamera, type Camera } from '../figure/camera.js';
export { animatedGif, gifPalette, gifWriter, type GifWriter, type Palette, type RgbaImage } from './gif.js';
