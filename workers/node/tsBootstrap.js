// Worker bootstrap for TypeScript entries: registers tsx's loader in this thread, then loads
// the entry named in workerData. Needed because Node 20 ignores `--import tsx` in a worker's
// execArgv (nodejs/node#47747), so a .ts file cannot be a worker's entry by itself.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
