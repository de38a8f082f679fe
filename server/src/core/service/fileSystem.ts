/** The only way the core touches files; the LSP adapter and the CLI inject one, tests inject a map. */
export interface FileSystem {
  /** The file's text, or undefined when it does not exist or cannot be read. Never throws. */
  readFile(path: string): string | undefined;
  /** Entries (names) of a directory, or undefined. Never throws. */
  readDirectory?(path: string): string[] | undefined;
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
