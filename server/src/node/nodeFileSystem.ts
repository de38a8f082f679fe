import * as fs from 'node:fs';
import { MAX_DEPENDENCY_BYTES, type FileSystem } from '../core/service/fileSystem';
import { insideRoots, readFileSafely } from './safeRead';

export interface NodeFileSystemOptions {
  /** Open editor buffers, which win over disk. */
  readonly overlay?: (path: string) => string | undefined;
  /** The workspace folders (LSP) or the CLI's root; empty when the editor names none. */
  readonly workspaceRoots: () => readonly string[];
}

/** Disk access for the core, through the safe reader. */
export function nodeFileSystem(options: NodeFileSystemOptions): FileSystem {
  return {
    readFile(path, request) {
      const defaultRoot = request?.insideWorkspace?.defaultRoot;
      const folders = options.workspaceRoots();
      const roots = defaultRoot === undefined ? undefined : folders.length > 0 ? folders : [defaultRoot];
      const open = options.overlay?.(path);
      if (open !== undefined) return roots && !insideRoots(path, roots) ? { refused: 'outside-workspace' } : open;
      const result = readFileSafely(path, { maxBytes: request?.maxBytes ?? MAX_DEPENDENCY_BYTES, ...(roots ? { roots } : {}) });
      return 'text' in result ? result.text : result;
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
