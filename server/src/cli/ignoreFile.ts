import ignore from 'ignore';
import * as path from 'node:path';
import { describeRefusal } from '../core/service/fileSystem';
import { readFileSafely } from '../node/safeRead';
import { UsageError, type IgnoreFilter } from './collectFiles';

const IGNORE_FILE = '.opnoteignore';
/** A list of patterns, not a document: a bigger file is a mistake worth an error. */
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

/**
 * The `.opnoteignore` at `root` (gitignore syntax, read by the `ignore` package), or undefined when there is none. It is read through the safe reader
 * like every other file; one that is there but cannot be read is a usage error (exit 2), as a bad
 * configuration is.
 */
export function loadIgnoreFile(root: string): IgnoreFilter | undefined {
  const file = path.join(root, IGNORE_FILE);
  const read = readFileSafely(file, { maxBytes: MAX_IGNORE_FILE_BYTES });
  if ('refused' in read) {
    if (read.refused === 'missing') return undefined;
    throw new UsageError(`${IGNORE_FILE} was not read: ${describeRefusal(read.refused, MAX_IGNORE_FILE_BYTES)}`);
  }
  const matcher = ignore().add(read.text);
  return {
    ignores(target, isDirectory) {
      const relative = path.relative(root, path.resolve(target));
      if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
      const posix = relative.split(path.sep).join('/');
      return matcher.ignores(isDirectory ? `${posix}/` : posix);
    },
  };
}
