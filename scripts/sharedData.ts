import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The workplace's shared folder (corpus, benchmarks, code sets). Never copied into the project: the
 * corpus is copyrighted by its site. Looked up as $OPNOTE_SHARED, then ../shared next to the
 * repository, then /work/shared.
 */
export function sharedDir(): string | undefined {
  const candidates = [process.env.OPNOTE_SHARED, path.resolve(__dirname, '..', '..', 'shared'), '/work/shared'];
  return candidates.find((dir): dir is string => dir !== undefined && fs.existsSync(dir));
}

export function sharedPath(...parts: string[]): string | undefined {
  const dir = sharedDir();
  const full = dir && path.join(dir, ...parts);
  return full && fs.existsSync(full) ? full : undefined;
}
