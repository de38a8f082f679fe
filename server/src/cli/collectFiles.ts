import * as fs from 'node:fs';
import * as path from 'node:path';

export const CHECKED_EXTENSIONS = ['.opnote', '.claim', '.837', '.x12', '.edi'];

export class UsageError extends Error {}

/** What the workspace's `.opnoteignore` matches (ignoreFile.ts reads it). */
export interface IgnoreFilter {
  /** True when `file` lies inside the workspace root and is matched; a matched directory is not entered. */
  ignores(file: string, isDirectory: boolean): boolean;
}

/**
 * A directory with up to this many entries is visited in name order; a bigger one in the order the
 * file system lists it, so that a folder of millions of files is never held in memory.
 */
const SORTED_DIRECTORY_LIMIT = 10_000;

function isHidden(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

function isChecked(file: string): boolean {
  return CHECKED_EXTENSIONS.includes(path.extname(file).toLowerCase()) || /\.fhir\.json$/i.test(file);
}

/** The entries of `dir`, read through `fs.opendirSync` a few at a time. */
function* directoryEntries(dir: string): Generator<fs.Dirent> {
  const handle = fs.opendirSync(dir);
  try {
    const first: fs.Dirent[] = [];
    let entry: fs.Dirent | null = null;
    while (first.length < SORTED_DIRECTORY_LIMIT && (entry = handle.readSync()) !== null) first.push(entry);
    if (entry === null) first.sort((a, b) => a.name.localeCompare(b.name));
    yield* first;
    while ((entry = handle.readSync()) !== null) yield entry;
  } finally {
    handle.closeSync();
  }
}

/**
 * The regular files under `dir`, skipping hidden entries and what the ignore file matches; symlinks,
 * FIFOs, devices and sockets are never followed or opened (a FIFO blocks a read, `/dev/zero` never ends).
 */
function* visitFiles(dir: string, join: (dir: string, name: string) => string, ignore: IgnoreFilter | undefined): Generator<string> {
  for (const entry of directoryEntries(dir)) {
    if (isHidden(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!ignore?.ignores(full, true)) yield* visitFiles(full, join, ignore);
    } else if (entry.isFile() && !ignore?.ignores(full, false)) yield full;
  }
}

/** `*` and `?` within a segment, `**` across segments. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** One command-line input, checked before any file is visited, so that a typo fails before any output. */
type Source =
  | { readonly kind: 'file'; readonly input: string; readonly resolved: string }
  | { readonly kind: 'directory'; readonly input: string; readonly resolved: string }
  | { readonly kind: 'glob'; readonly input: string; readonly base: string; readonly resolvedBase: string; readonly matches: (file: string) => boolean };

function toSource(input: string): Source {
  if (/[*?]/.test(input)) {
    // `./` in front of a glob is optional: under the current folder the walk names files `a.opnote`, `sub/b.opnote`.
    const normalized = input.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
    const segments = normalized.split('/');
    const base = segments.slice(0, segments.findIndex((segment) => /[*?]/.test(segment))).join('/') || '.';
    const matcher = globToRegExp(normalized);
    return { kind: 'glob', input, base, resolvedBase: path.resolve(base), matches: (file) => matcher.test(file) };
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch {
    throw new UsageError(`No such file or directory: ${input}`);
  }
  if (stat.isDirectory()) return { kind: 'directory', input, resolved: path.resolve(input) };
  if (stat.isFile()) return { kind: 'file', input, resolved: path.resolve(input) };
  throw new UsageError(`Not a regular file: ${input}`);
}

/** The path below `dir` when `file` lies under it through visible entries only, as a walk would find it. */
function visibleBelow(dir: string, file: string): string | undefined {
  const relative = path.relative(dir, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).some(isHidden) ? undefined : relative;
}

/** Whether `source` yields the file at `resolved` (the ignore file applies to both alike). */
function covers(source: Source, resolved: string): boolean {
  if (source.kind === 'file') return source.resolved === resolved;
  if (source.kind === 'directory') return isChecked(resolved) && visibleBelow(source.resolved, resolved) !== undefined;
  const below = visibleBelow(source.resolvedBase, resolved);
  return below !== undefined && source.matches(path.posix.join(source.base, below.split(path.sep).join('/')));
}

function* filesOf(source: Source, ignore: IgnoreFilter | undefined): Generator<string> {
  if (source.kind === 'file') {
    if (!ignore?.ignores(source.input, false)) yield source.input;
    return;
  }
  if (source.kind === 'directory') {
    for (const file of visitFiles(source.input, path.join, ignore)) if (isChecked(file)) yield file;
    return;
  }
  let found = 0;
  if (fs.existsSync(source.base) && fs.statSync(source.base).isDirectory()) {
    for (const file of visitFiles(source.base, path.posix.join, ignore)) {
      if (!source.matches(file)) continue;
      found++;
      yield file;
    }
  }
  if (found === 0) throw new UsageError(`No files match ${source.input}`);
}

interface CollectOptions {
  /** The workspace's `.opnoteignore`; undefined when there is none or `--no-ignore` is given. */
  readonly ignore?: IgnoreFilter;
}

/**
 * Files, directories (recursing into *.opnote and *.claim) and globs, in the order given, each file
 * once. A path found under a directory is reported as `dir/file`. The files come one at a time: memory
 * does not grow with their number (a file an earlier input gave is recognised by the inputs, not
 * remembered).
 */
export function collectFiles(inputs: readonly string[], options: CollectOptions = {}): Iterable<string> {
  const sources = inputs.map(toSource);
  return (function* () {
    for (const [index, source] of sources.entries()) {
      const earlier = sources.slice(0, index);
      for (const file of filesOf(source, options.ignore)) {
        const resolved = path.resolve(file);
        if (!earlier.some((other) => covers(other, resolved))) yield file;
      }
    }
  })();
}
