/** `losscape merge`: joins the parts of a sharded surface (`losscape surface --shard i/n`) into its surface file. */
import type { Command } from 'commander';
import { mergeSurfaceParts, readSurfacePart, surfaceFileFrom } from '../../engine/io/index.js';
import { writeResult } from '../output.js';
import { readInput } from '../readInput.js';

async function runMerge(files: string[], options: { out?: string }): Promise<void> {
  const parts = await Promise.all(files.map(async (file) => readSurfacePart(await readInput(file), file)));
  const merged = mergeSurfaceParts(parts, files);
  // The joined file must read as a surface file like any other (unless loss was left out, --metrics accuracy).
  if (merged.values.loss.length) surfaceFileFrom(merged);
  await writeResult(merged, options.out);
}

/** Adds the `merge` command to `program`. */
export function registerMergeCommand(program: Command): void {
  program
    .command('merge')
    .description('joins the parts of a sharded surface (losscape surface --shard i/n) into one surface file, bit-identical to an unsharded run')
    .argument('<parts...>', 'the part files, in any order')
    .option('--out <file>', 'write here (atomically) instead of stdout')
    .action(runMerge);
}
