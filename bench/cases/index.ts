// The registry of benchmark cases, in table order. A new case: a file here exporting
// Case objects (see ../types.ts), added to this list.
import type { Case } from '../types.js';
import { gridCases } from './grid.js';
import { hessianCase } from './hessian.js';
import { matmulCases } from './matmul.js';
import { mlpCase } from './mlp.js';
import { trainCases } from './train.js';

export const cases: Case[] = [...matmulCases, mlpCase, ...trainCases, ...gridCases, hessianCase];
