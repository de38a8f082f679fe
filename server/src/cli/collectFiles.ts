import * as fs from 'node:fs';
import * as path from 'node:path';

export const CHECKED_EXTENSIONS = ['.opnote', '.claim', '.837', '.x12', '.edi'];

export class UsageError extends Error {}

function isHidden(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * Visits the regular files under `dir`, skipping hidden entries; symlinks, FIFOs, devices and sockets
 * are never followed or opened (a FIFO blocks a read, `/dev/zero` never ends).
 */
function visitFiles(dir: string, join: (dir: string, name: string) => string, visit: (file: string) => void): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (isHidden(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) visitFiles(full, join, visit);
    else if (entry.isFile()) visit(full);
  }
}

function walk(dir: string, out: string[]): void {
  visitFiles(dir, path.join, (file) => {
    if (CHECKED_EXTENSIONS.includes(path.extname(file).toLowerCase()) || /\.fhir\.json$/i.test(file)) out.push(file);
  });
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

function expandGlob(pattern: string): string[] {
  const normalized = pattern.replace(/\\/g, '/');
  const segments = normalized.split('/');
  const firstGlob = segments.findIndex((segment) => /[*?]/.test(segment));
  const base = segments.slice(0, firstGlob).join('/') || '.';
  if (!fs.existsSync(base)) return [];
  const candidates: string[] = [];
  visitFiles(base, path.posix.join, (file) => candidates.push(file));
  const matcher = globToRegExp(base === '.' && !normalized.startsWith('./') ? `./${normalized}` : normalized);
  return candidates.filter((file) => matcher.test(file) || matcher.test(file.replace(/^\.\//, ''))).sort();
}

/**
 * Files, directories (recursing into *.opnote and *.claim) and globs, in the order given. A path
 * found under a directory is reported as `dir/file`.
 */
export function collectFiles(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      const matches = expandGlob(input);
      if (matches.length === 0) throw new UsageError(`No files match ${input}`);
      for (const match of matches) files.push(match);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new UsageError(`No such file or directory: ${input}`);
    }
    if (stat.isDirectory()) walk(input, files);
    else if (stat.isFile()) files.push(input);
    else throw new UsageError(`Not a regular file: ${input}`);
  }
  return [...new Set(files)];
}
