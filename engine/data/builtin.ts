// The data sets shipped with Losscape (see DATA-LICENSES.md), read by the same CSV parser as
// user files. The CSV text is bundled as modules because the engine cannot read files.
import { ValueError } from '../errors.js';
import { breastCancerCsv, breastCancerFeatureNames } from './bundled/breastCancer.js';
import { digitsCsv, digitsFeatureNames } from './bundled/digits.js';
import { irisCsv, irisFeatureNames } from './bundled/iris.js';
import { wineCsv, wineFeatureNames } from './bundled/wine.js';
import { parseCsv } from './csv.js';
import type { Dataset } from './dataset.js';

/** The bundled data sets, by name. */
export type BuiltinName = 'iris' | 'digits' | 'wine' | 'breast-cancer';

/** What the UI shows about a bundled data set, and its text. */
export interface BuiltinInfo {
  name: BuiltinName;
  title: string;
  /** Who made it; DATA-LICENSES.md has the full attribution. */
  credit: string;
  csv: string;
  featureNames: readonly string[];
}

/** The bundled data sets, in menu order. */
export const builtinDatasets: readonly BuiltinInfo[] = [
  { name: 'iris', title: 'Iris', credit: 'R. A. Fisher (1936), UCI; CC BY 4.0', csv: irisCsv, featureNames: irisFeatureNames },
  { name: 'wine', title: 'Wine', credit: 'M. Forina et al., UCI; CC BY 4.0', csv: wineCsv, featureNames: wineFeatureNames },
  {
    name: 'breast-cancer',
    title: 'Breast Cancer Wisconsin (Diagnostic)',
    credit: 'W. H. Wolberg, W. N. Street, O. L. Mangasarian, UCI; CC BY 4.0',
    csv: breastCancerCsv,
    featureNames: breastCancerFeatureNames,
  },
  { name: 'digits', title: 'Handwritten digits (8×8)', credit: 'E. Alpaydin, C. Kaynak (1998), UCI; CC BY 4.0', csv: digitsCsv, featureNames: digitsFeatureNames },
];

/** Every bundled data set's name. */
export const builtinNames: readonly BuiltinName[] = builtinDatasets.map((b) => b.name);

/** Parses a bundled data set: x [n, d], y class indices, with its feature and class names. */
export function loadBuiltin(name: BuiltinName): Dataset {
  const info = builtinDatasets.find((b) => b.name === name);
  if (!info) throw new ValueError(`unknown built-in data set "${name}"; choose one of ${builtinNames.join(', ')}`);
  // digits has no header row; the others carry the bundled `n_samples,n_features,classes…` header.
  const data = parseCsv(info.csv, { name, task: 'classification', header: name === 'digits' ? false : undefined });
  return { ...data, featureNames: [...info.featureNames] };
}
