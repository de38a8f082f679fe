// The one way OpNote reads a file from disk (CLI inputs, a claim's note, .opnoterc.json, payer files).
// Sizes from stat are not trusted (/proc files report 0 and never end), special files are never opened
// for reading (opening a FIFO blocks), and the answer says why a file was refused, never what is in it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lazy } from '../core/knowledge/builtinData';
import type { ReadRefusal, Refused } from '../core/service/fileSystem';

const CHUNK_BYTES = 1024 * 1024;
/** A local file of a few megabytes reads in milliseconds; a read this slow is not a file worth waiting for. */
export const READ_TIME_BUDGET_MS = 2000;
// O_NONBLOCK: a file swapped for a FIFO after the stat check does not block the open. O_NOFOLLOW: nor
// for a symlink (the path is already real). Neither exists on Windows, where neither is needed.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0);

export interface SafeReadOptions {
  readonly maxBytes: number;
  /** Past maxBytes, give the first maxBytes bytes (marked truncated) instead of refusing. */
  readonly truncate?: boolean;
  /** When given, the file must lie inside one of these folders, by its path and after symlinks. */
  readonly roots?: readonly string[];
  readonly timeBudgetMs?: number;
}

export type SafeRead = { readonly text: string; readonly truncated: boolean } | Refused;

function isInside(target: string, root: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

function realOrResolved(folder: string): string {
  try {
    return fs.realpathSync.native(folder);
  } catch {
    return path.resolve(folder);
  }
}

function refusalOf(error: unknown): ReadRefusal {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
  if (code === 'EISDIR') return 'not-a-file';
  return 'unreadable';
}

/**
 * Where a file really is, if it may be read: inside the roots by its own path (compared with each root
 * as given and as real path), so that nothing outside is even looked at (on Windows a UNC path would
 * be a network connection); inside by its real path, so that a symlink cannot lead out; a regular file.
 */
export function locateSafely(file: string, roots?: readonly string[]): { readonly realPath: string } | Refused {
  const realRoots = roots?.map(realOrResolved);
  if (roots && realRoots) {
    if (!path.isAbsolute(file)) return { refused: 'outside-workspace' };
    const given = path.resolve(file);
    if (!roots.some((root, i) => isInside(given, path.resolve(root)) || isInside(given, realRoots[i]))) return { refused: 'outside-workspace' };
  }
  try {
    const realPath = fs.realpathSync.native(file);
    if (realRoots && !realRoots.some((root) => isInside(realPath, root))) return { refused: 'outside-workspace' };
    return fs.statSync(realPath).isFile() ? { realPath } : { refused: 'not-a-file' };
  } catch (error) {
    return { refused: refusalOf(error) };
  }
}

/**
 * The one buffer every read goes through (reads are synchronous), made on first use; two chunks, so
 * that the read which finds the end of a file of one chunk or less (most files) needs no copy. A new
 * megabyte per read (two per file) made the garbage collector run for the external memory alone,
 * about 150 times over the benchmark corpus.
 */
const readBuffer = lazy(() => Buffer.allocUnsafe(2 * CHUNK_BYTES));

/** Reads a regular file as UTF-8 (bad bytes become U+FFFD) within a byte cap and a time budget. Never throws. */
export function readFileSafely(file: string, options: SafeReadOptions): SafeRead {
  const located = locateSafely(file, options.roots);
  if ('refused' in located) return located;
  const deadline = Date.now() + (options.timeBudgetMs ?? READ_TIME_BUDGET_MS);
  let fd: number;
  try {
    fd = fs.openSync(located.realPath, OPEN_FLAGS);
  } catch (error) {
    return { refused: refusalOf(error) };
  }
  try {
    // The file may have been replaced between the check and the open.
    if (!fs.fstatSync(fd).isFile()) return { refused: 'not-a-file' };
    const buffer = readBuffer();
    // The bytes read so far: those copied out of the buffer (on a long file), then `held` at its start.
    const chunks: Buffer[] = [];
    let held = 0;
    let total = 0;
    const bytes = (length: number) => (chunks.length === 0 ? buffer.subarray(0, Math.min(held, length)) : Buffer.concat([...chunks, buffer.subarray(0, held)], length));
    for (;;) {
      if (Date.now() > deadline) return { refused: 'too-slow' };
      if (held > CHUNK_BYTES) {
        chunks.push(Buffer.from(buffer.subarray(0, held)));
        held = 0;
      }
      // Whole chunks: some pseudo-files only answer reads of a multiple of their record size (pagemap: 8 bytes).
      const read = fs.readSync(fd, buffer, held, CHUNK_BYTES, null);
      if (read === 0) break;
      held += read;
      total += read;
      if (total > options.maxBytes) {
        if (!options.truncate) return { refused: 'too-large' };
        return { text: bytes(options.maxBytes).toString('utf8'), truncated: true };
      }
    }
    return { text: bytes(total).toString('utf8'), truncated: false };
  } catch (error) {
    return { refused: refusalOf(error) };
  } finally {
    fs.closeSync(fd);
  }
}

/** True when `file` may be read under `roots` (used for editor buffers, which need no disk read). */
export function insideRoots(file: string, roots: readonly string[]): boolean {
  const located = locateSafely(file, roots);
  return !('refused' in located) || located.refused !== 'outside-workspace';
}
