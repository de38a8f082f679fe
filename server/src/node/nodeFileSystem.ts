import * as fs from 'node:fs';
import type { FileSystem } from '../core/service/fileSystem';

/** Files larger than this are not read as dependencies (a claim's note, a config file). */
const MAX_DEPENDENCY_BYTES = 10 * 1024 * 1024;

/** Disk access for the core, with an optional overlay of open editor buffers that win over disk. */
export function nodeFileSystem(overlay?: (path: string) => string | undefined): FileSystem {
  return {
    readFile(path) {
      const open = overlay?.(path);
      if (open !== undefined) return open;
      try {
        const stat = fs.statSync(path);
        if (!stat.isFile() || stat.size > MAX_DEPENDENCY_BYTES) return undefined;
        return fs.readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    readDirectory(path) {
      try {
        return fs.readdirSync(path);
      } catch {
        return undefined;
      }
    },
  };
}
