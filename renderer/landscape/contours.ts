// Contour lines by marching squares: the app draws the same contours as the exported figures.
export { contourLevels, contourSegments } from '../../engine/io/figure/contours.js';

/** How many contour levels the views aim for (the contour plot and the 3D surface draw the same). */
export const CONTOUR_COUNT = 14;
