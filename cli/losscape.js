#!/usr/bin/env node
// The `losscape` command. The CLI is TypeScript, so this registers tsx's loader in this
// process (resolved from this package, so any working directory will do) and runs main.ts.
// Worker threads register it for themselves (workers/node/tsBootstrap.js).
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
