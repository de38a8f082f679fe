/**
 * The streaming core of `opnote check` (files and `--stdin`) and `opnote report`: each input is
 * checked and its output written before the next input is read, so memory is bounded by the largest
 * document, not by their number. Writes wait for the stream to drain (back-pressure on stdout).
 */

export interface Output {
  write(chunk: string): Promise<void>;
}

/** `stream` with back-pressure: a write that fills its buffer waits for `drain`; a stream error fails the next write. */
export function streamOutput(stream: NodeJS.WritableStream): Output {
  let failure: Error | undefined;
  stream.on('error', (error: Error) => (failure ??= error));
  return {
    async write(chunk) {
      if (failure) throw failure;
      if (chunk === '' || stream.write(chunk)) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('error', done);
          resolve();
        };
        stream.on('drain', done);
        stream.on('error', done);
      });
      if (failure) throw failure;
    },
  };
}

/** The reader of stdout went away (`opnote check ... | head`): stop quietly, as other command-line tools do. */
export function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}

/** Writes `render(input)` for each input in order, one at a time. */
export async function streamEach<T>(inputs: Iterable<T> | AsyncIterable<T>, render: (input: T) => string, output: Output): Promise<void> {
  for await (const input of inputs) await output.write(render(input));
}

/** Where a progress line goes: stderr, or a stand-in in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

const PROGRESS_AFTER_MS = 1000;
const PROGRESS_EVERY_MS = 250;

/**
 * "opnote: 1,234 files checked" on one line of a terminal, rewritten in place, once a run has taken
 * more than a second; nothing at all when the stream is not a terminal (a pipe, a file, a CI log).
 */
export function progressLine(stream: ProgressStream | undefined, noun: string, now: () => number = Date.now): { tick(): void; done(): void } {
  const started = now();
  let count = 0;
  let shownAt: number | undefined;
  return {
    tick() {
      count++;
      if (!stream?.isTTY) return;
      const time = now();
      if (time - started < PROGRESS_AFTER_MS || (shownAt !== undefined && time - shownAt < PROGRESS_EVERY_MS)) return;
      shownAt = time;
      stream.write(`\ropnote: ${count.toLocaleString('en-US')} ${noun} checked`);
    },
    done() {
      if (shownAt !== undefined) stream?.write('\r\u001b[K');
    },
  };
}
