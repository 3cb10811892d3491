/** The `losscape` program: its commands, and errors reported as one line on stderr. */
import { Command } from 'commander';
import { createRequire } from 'node:module';
import { registerCriticalCommand } from './commands/critical.js';
import { registerDatasetCommand } from './commands/dataset.js';
import { registerHessianCommand } from './commands/hessian.js';
import { registerImportCommand } from './commands/import.js';
import { registerLineCommand } from './commands/line.js';
import { registerMergeCommand } from './commands/merge.js';
import { registerRenderCommand } from './commands/render.js';
import { registerSurfaceCommand } from './commands/surface.js';
import { registerSymmetryCommand } from './commands/symmetry.js';
import { registerToyCommand } from './commands/toy.js';
import { registerTrainCommand } from './commands/train.js';
import { errorLine } from './errors.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** Builds the program with every command registered. */
export function createProgram(): Command {
  const program = new Command('losscape')
    .description('Explore the loss landscapes of neural networks, headless: JSON in and out.')
    .version(version)
    .configureOutput({ outputError: (message, write) => write(errorLine(message)) });
  registerTrainCommand(program);
  registerDatasetCommand(program);
  registerSurfaceCommand(program);
  registerLineCommand(program);
  registerSymmetryCommand(program);
  registerHessianCommand(program);
  registerCriticalCommand(program);
  registerToyCommand(program);
  registerRenderCommand(program);
  registerMergeCommand(program);
  registerImportCommand(program);
  return program;
}
