/** `losscape dataset`: the exact preprocessed matrix a run trains (or tests) on. */
import { Option, type Command } from 'commander';
import { prepareData, type DataSpec } from '../../engine/data/index.js';
import { readRunFile } from '../../engine/io/index.js';
import { writeResult } from '../output.js';
import { holdDataOf } from '../recipe/dataFiles.js';
import { addDataOptions, dataSpecFrom, type DataOptions } from '../recipe/dataOptions.js';
import { readInput } from '../readInput.js';

interface DatasetOptions extends DataOptions {
  run?: string;
  split: 'train' | 'test';
  out?: string;
}

async function runDataset(options: DatasetOptions): Promise<void> {
  const spec: DataSpec = options.run ? readRunFile(await readInput(options.run)).data : await dataSpecFrom(options);
  await holdDataOf(spec, options.run);
  const data = prepareData(spec);
  const split = data[options.split];
  const rows = Array.from({ length: split.n }, (_, i) => Array.from(split.x.subarray(i * data.d, (i + 1) * data.d)));
  await writeResult(
    {
      format: 'losscape.dataset/1',
      name: data.name,
      task: data.task,
      split: options.split,
      featureNames: data.featureNames,
      classNames: data.classNames,
      x: rows,
      y: data.targetDim === 1 ? Array.from(split.y) : Array.from({ length: split.n }, (_, i) => Array.from(split.y.subarray(i * data.targetDim, (i + 1) * data.targetDim))),
      indices: options.split === 'train' ? data.trainIndices : data.testIndices,
      standardization: data.standardization,
      spec,
    },
    options.out,
  );
}

/** Adds the `dataset` command to `program`. */
export function registerDatasetCommand(program: Command): void {
  const command = program
    .command('dataset')
    .description("write the exact preprocessed matrix a run trains on (losscape.dataset/1): x, y, feature names, standardization")
    .option('--run <run.json>', "use a run file's data settings");
  addDataOptions(command)
    .addOption(new Option('--split <split>', 'which split').choices(['train', 'test']).default('train'))
    .option('--out <file>', 'write here (atomically) instead of stdout')
    .action(runDataset);
}
