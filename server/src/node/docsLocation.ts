import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Rule pages ship inside the package (`docs/rules/`), next to `dist/`; links point there so that
 * reading the documentation never needs the network.
 */
export function bundledDocsBaseUri(): string {
  return `${pathToFileURL(path.resolve(__dirname, '..', 'docs', 'rules')).href}/`;
}
