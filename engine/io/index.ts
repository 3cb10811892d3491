// File formats that need no DOM: run files (and later surface and project files).
export { RUN_FORMAT, RunFileError, readRunFile, recipeOf, runFileOf, type RunFile } from './runFile.js';
