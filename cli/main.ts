// Entry of the `losscape` command (run through cli/losscape.js): parses the arguments, runs
// the command, and turns any failure into one line on stderr and exit code 1.
import { errorLine } from './errors.js';
import { createProgram } from './program.js';

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  process.stderr.write(errorLine(error));
  process.exitCode = 1;
}
