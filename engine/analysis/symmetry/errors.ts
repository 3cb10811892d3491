// The error a refused symmetry raises: the message says why the map would change the loss.
import { LosscapeError } from '../../errors.js';

/** A transform that is not a symmetry of this model (a flip of a ReLU unit, a rescaling of a tanh unit, …). */
export class SymmetryRefused extends LosscapeError {}
