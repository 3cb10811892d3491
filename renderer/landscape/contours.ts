// Contour lines by marching squares: the app draws the same contours as the exported figures.
export { contourLevels, contourSegments } from '../../engine/io/figure/contours.js';
