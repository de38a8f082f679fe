import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Array<{ code?: string; message: string; severity?: number; range: { start: { line: number; character: number }; end: { line: number; character: number } }; data?: unknown; relatedInformation?: unknown[] }>;
}

/** A plain JSON-RPC client over the server's stdio; every request is raced against a timeout and the server's exit. */
export class LspTestClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly stderr: string[] = [];
  private readonly exited: Promise<number | null>;
  private readonly listeners: Array<(params: PublishedDiagnostics) => void> = [];
  configuration: Record<string, unknown> = {};

  constructor(args: string[] = ['--stdio'], env: NodeJS.ProcessEnv = process.env) {
    this.process = spawn(process.execPath, [SERVER, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.process.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => this.listeners.slice().forEach((listener) => listener(params)));
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.configuration));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  /** Resolves with the value, or rejects on timeout or server exit. */
  race<T>(what: string, promise: Promise<T>, ms = 5000): Promise<T> {
    let timer: NodeJS.Timeout;
    return Promise.race([
      promise,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms))),
      this.exited.then((code) => Promise.reject(new Error(`${what}: server exited with ${code}`))),
    ]).finally(() => clearTimeout(timer));
  }

  request<T>(method: string, params: unknown, ms?: number): Promise<T> {
    return this.race(method, this.connection.sendRequest(method, params) as Promise<T>, ms);
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  /** The next diagnostics published for `uri` that satisfy `accept`. */
  diagnostics(uri: string, accept: (params: PublishedDiagnostics) => boolean = () => true, ms?: number): Promise<PublishedDiagnostics> {
    return this.race(
      `diagnostics for ${uri}`,
      new Promise<PublishedDiagnostics>((resolve) => {
        const listener = (params: PublishedDiagnostics) => {
          if (params.uri !== uri || !accept(params)) return;
          this.listeners.splice(this.listeners.indexOf(listener), 1);
          resolve(params);
        };
        this.listeners.push(listener);
      }),
      ms,
    );
  }

  async initialize(capabilities: Record<string, unknown> = {}, initializationOptions?: unknown): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.request<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, languageId: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    this.notify('exit', null);
    return this.race('exit', this.exited);
  }

  kill(): void {
    if (this.process.exitCode === null) this.process.kill('SIGKILL');
    this.connection.dispose();
  }
}
