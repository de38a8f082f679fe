/**
 * Small additions to LspTestClient for the robustness, privacy and benchmark scripts: everything the
 * server says besides answers (log, show-message, trace and telemetry notifications), its memory, and
 * throw-away workspaces on disk.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LspTestClient } from './lspClient';

const SIDE_CHANNELS = ['window/logMessage', 'window/showMessage', '$/logTrace', 'telemetry/event'];

/** Records every notification on the server's side channels, as JSON text, in arrival order. */
export function recordSideChannels(client: LspTestClient): string[] {
  const messages: string[] = [];
  for (const method of SIDE_CHANNELS) client.connection.onNotification(method, (params: unknown) => void messages.push(`${method} ${JSON.stringify(params)}`));
  client.connection.onRequest('window/showMessageRequest', (params: unknown) => {
    messages.push(`window/showMessageRequest ${JSON.stringify(params)}`);
    return null;
  });
  return messages;
}

export interface Memory {
  /** Resident set size now, in bytes. */
  readonly rss: number;
  /** Highest resident set size so far, in bytes. */
  readonly peak: number;
}

/** A process's memory from /proc (Linux); undefined elsewhere. */
export function memoryOf(pid: number | undefined): Memory | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kib('VmRSS'), peak: kib('VmHWM') };
  } catch {
    return undefined;
  }
}

export interface Workspace {
  readonly dir: string;
  path(name: string): string;
  uri(name: string): string;
  write(name: string, text: string): string;
  remove(): void;
}

/** A temporary folder with the given files (names may contain `/`). */
export function workspace(files: Record<string, string> = {}, prefix = 'opnote-ws-'): Workspace {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  const ws: Workspace = {
    dir,
    path: (name) => path.join(dir, name),
    uri: (name) => pathToFileURL(path.join(dir, name)).href,
    write(name, text) {
      const file = path.join(dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      return file;
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
  for (const [name, text] of Object.entries(files)) ws.write(name, text);
  return ws;
}
