/** `losscape toy`: a toy function of two variables and its gradient on a grid, in a worker. */
import { Option, type Command } from 'commander';
import { toySurfaces, type ToySurfaceName } from '../../engine/toy/surfaces.js';
import { withNodeWorker } from '../../workers/node/spawn.js';
import type { ToySurfaceEndpoint } from '../../workers/toySurface.js';
import { toToyFile } from '../formats/toyFile.js';
import { gridLimits, parseGridSize, parseRange, type Range } from '../options.js';
import { writeResult } from '../output.js';

interface ToyOptions {
  function: ToySurfaceName;
  range: Range;
  grid: number;
  out?: string;
}

const toyWorker = new URL('../../workers/node/toySurface.worker.ts', import.meta.url);

async function runToy(options: ToyOptions): Promise<void> {
  const axis = { ...options.range, count: options.grid };
  const grid = await withNodeWorker<ToySurfaceEndpoint, Awaited<ReturnType<ToySurfaceEndpoint['evaluate']>>>(
    toyWorker,
    (remote) => remote.evaluate(options.function, { x: axis, y: axis }),
  );
  await writeResult(toToyFile(grid), options.out);
}

/** Adds the `toy` command to `program`. */
export function registerToyCommand(program: Command): void {
  program
    .command('toy')
    .description('evaluate a toy function of two variables and its gradient on a grid; writes losscape.toy/1 JSON')
    .addOption(
      new Option('--function <name>', 'the function').choices(Object.keys(toySurfaces)).makeOptionMandatory(),
    )
    .addOption(
      new Option('--range <min:max>', 'interval of both x and y')
        .argParser(parseRange)
        .default(parseRange('-1.5:1.5'), '-1.5:1.5'),
    )
    .addOption(
      new Option('--grid <points>', `points along each axis, ${gridLimits.min} to ${gridLimits.max}`)
        .argParser(parseGridSize)
        .default(61),
    )
    .option('--out <file>', 'write the JSON to this file (atomically) instead of stdout')
    .action(runToy);
}
