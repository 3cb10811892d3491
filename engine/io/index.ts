// File formats that need no DOM: run and surface files.
export { RUN_FORMAT, RunFileError, madeBy, readRunFile, recipeOf, runFileFrom, runFileOf, runStateOf, type RunFile } from './runFile.js';
export { SURFACE_FORMAT, SurfaceFileError, readSurfaceFile, surfaceFileFrom, surfaceFileOf, type SurfaceFile } from './surfaceFile.js';
// Line, project and sharded-surface files.
export { LINE_FORMAT, LineFileError, readLineFile, type LineFile } from './lineFile.js';
export { PROJECT_FORMAT, ProjectFileError, projectFileBytes, projectFileOf, projectFileText, readProjectFile, type JsonValue, type ProjectFile } from './projectFile.js';
export { SURFACE_PART_FORMAT, ShardError, mergeSurfaceParts, parseShard, readSurfacePart, shardPlan, shardRows, surfacePartOf, type Shard, type SurfacePart } from './shard.js';
export { isContainer, packFile } from './container.js';
export { fileFormat, type FileInput } from './schema.js';
// Exporters and importers have their own entry points (./export/index.js, ./import/index.js),
// so code that only reads runs and surfaces (the workers) loads none of their dependencies.
