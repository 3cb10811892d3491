// File formats that need no DOM: run and surface files.
export { RUN_FORMAT, RunFileError, readRunFile, recipeOf, runFileOf, runStateOf, type RunFile } from './runFile.js';
export { SURFACE_FORMAT, SurfaceFileError, readSurfaceFile, surfaceFileOf, type SurfaceFile } from './surfaceFile.js';
