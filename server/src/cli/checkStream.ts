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
