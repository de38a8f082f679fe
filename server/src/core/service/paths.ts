/**
 * Path helpers that do not import `path` or `url`, so the core stays free of Node APIs. Paths use
 * forward slashes; Windows drive paths (`c:/notes`) work as they are.
 */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file://')) return uri.includes('://') || uri.startsWith('untitled:') ? undefined : uri;
  let path = decodeURIComponent(uri.slice('file://'.length).replace(/^[^/]*/, ''));
  if (/^\/[A-Za-z]:/.test(path)) path = path.slice(1);
  return path;
}

export function pathToUri(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const absolute = slashed.startsWith('/') ? slashed : `/${slashed}`;
  return `file://${absolute.split('/').map((part) => encodeURIComponent(part).replace(/%3A/g, ':')).join('/')}`;
}

export function dirname(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const at = slashed.lastIndexOf('/');
  if (at < 0) return '.';
  if (at === 0) return '/';
  return slashed.slice(0, at);
}

/** Resolves `relative` against directory `base`, folding `.` and `..`. */
export function resolvePath(base: string, relative: string): string {
  const rel = relative.replace(/\\/g, '/');
  if (rel.startsWith('/') || /^[A-Za-z]:\//.test(rel)) return normalizeSegments(rel);
  return normalizeSegments(`${base.replace(/\\/g, '/').replace(/\/$/, '')}/${rel}`);
}

function normalizeSegments(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else {
      out.push(segment);
    }
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/** `path` relative to directory `base` (both absolute, normalised), with `..` where it leaves `base`. */
export function relativePath(base: string, path: string): string {
  const from = normalizeSegments(base).split('/').filter(Boolean);
  const to = normalizeSegments(path).split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/') || '.';
}

/** Directories from `dir` up to the root, nearest first. */
export function ancestors(dir: string): string[] {
  const result: string[] = [];
  let current = dir;
  for (;;) {
    result.push(current);
    const parent = dirname(current);
    if (parent === current || parent === '.') return result;
    current = parent;
  }
}
