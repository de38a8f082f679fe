/**
 * The server over stdio with frames written byte for byte: a JSON-RPC library would wrap `null` params
 * in an array or refuse to send a message that is not one, and those are exactly the inputs under test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { SERVER } from './lspClient';

export interface RawMessage {
  readonly id?: number | string | null;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

export class RawLspClient {
  readonly process: ChildProcess;
  /** Everything the server sent, in order. */
  readonly received: RawMessage[] = [];
  readonly stderr: string[] = [];
  private buffer = Buffer.alloc(0);
  private readonly waiting = new Map<number | string, (message: RawMessage) => void>();
  private readonly exited: Promise<number | null>;

  constructor() {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.process.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
  }

  /** Writes one frame with `body` as its content, exactly. */
  frame(body: string): void {
    this.process.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  send(message: object): void {
    this.frame(JSON.stringify(message));
  }

  /** Sends a request and resolves with the response, or rejects on timeout or server exit. */
  request(id: number | string, method: string, params: unknown, ms = 5000): Promise<RawMessage> {
    const answered = new Promise<RawMessage>((resolve) => this.waiting.set(id, resolve));
    this.send(params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params });
    let timer: NodeJS.Timeout;
    return Promise.race([
      answered,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${method} (id ${id}): no answer within ${ms} ms`)), ms))),
      this.exited.then((code) => Promise.reject(new Error(`${method}: server exited with ${code}`))),
    ]).finally(() => clearTimeout(timer));
  }

  notify(method: string, params: unknown): void {
    this.send(params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params });
  }

  /** What the server wrote to window/logMessage (and stderr), as one text. */
  logs(): string {
    const logged = this.received.filter((message) => message.method === 'window/logMessage').map((message) => (message.params as { message: string }).message);
    return [...logged, ...this.stderr].join('\n');
  }

  kill(): void {
    if (this.process.exitCode === null) this.process.kill('SIGKILL');
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString()) as RawMessage;
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.received.push(message);
      if (message.id !== undefined && message.id !== null && message.method === undefined) this.waiting.get(message.id)?.(message);
    }
  }
}
