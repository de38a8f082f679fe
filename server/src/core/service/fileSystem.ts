/** Why the reader did not give a file's text; callers turn it into one clear, text-free diagnostic. */
export type ReadRefusal = 'missing' | 'not-a-file' | 'too-large' | 'too-slow' | 'unreadable' | 'outside-workspace';

export interface Refused {
  readonly refused: ReadRefusal;
}

/** Configuration and payer files larger than this are not read. */
export const MAX_DEPENDENCY_BYTES = 10 * 1024 * 1024;

export interface ReadOptions {
  /** Refuse a file larger than this many bytes (default MAX_DEPENDENCY_BYTES). */
  readonly maxBytes?: number;
  /**
   * Read only inside the workspace (after symlinks are followed); `defaultRoot` is the workspace when
   * the editor names no folder (the folder of the claim that asks).
   */
  readonly insideWorkspace?: { readonly defaultRoot: string };
}

/** The only way the core touches files; the LSP adapter and the CLI inject one, tests inject a map. */
export interface FileSystem {
  /** The file's text, or why it was not read (undefined: it does not exist). Never throws. */
  readFile(path: string, options?: ReadOptions): string | Refused | undefined;
  /** Entries (names) of a directory, or undefined. Never throws. */
  readDirectory?(path: string): string[] | undefined;
}

/** Reads through the injected file system; a missing file is a refusal like the others. */
export function readText(fileSystem: FileSystem, path: string, options?: ReadOptions): { readonly text: string } | Refused {
  const result = fileSystem.readFile(path, options);
  if (result === undefined) return { refused: 'missing' };
  return typeof result === 'string' ? { text: result } : result;
}

/** Why a file was not read, as the end of a sentence ("… was not read: it is larger than 10 MB"). */
export function describeRefusal(reason: ReadRefusal, maxBytes = MAX_DEPENDENCY_BYTES): string {
  switch (reason) {
    case 'missing':
      return 'it does not exist';
    case 'not-a-file':
      return 'it is not a regular file (a directory, a device, a pipe or a socket)';
    case 'too-large':
      return `it is larger than ${Math.round(maxBytes / (1024 * 1024))} MB`;
    case 'too-slow':
      return 'reading it took too long';
    case 'unreadable':
      return 'it cannot be read (permissions or an I/O error)';
    case 'outside-workspace':
      return 'it is outside the workspace';
  }
}

export function inMemoryFileSystem(files: Readonly<Record<string, string>>): FileSystem {
  return {
    readFile: (path) => files[path],
    readDirectory: (path) => {
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const names = Object.keys(files)
        .filter((file) => file.startsWith(prefix))
        .map((file) => file.slice(prefix.length).split('/')[0]);
      return names.length ? [...new Set(names)] : undefined;
    },
  };
}
