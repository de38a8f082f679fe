import type { Steps } from '../core/text/steps';

/**
 * How long the server works on one document before it reads the next messages: a hover on another
 * document waits at most about this long (plus the longest single step) while a long note is checked.
 */
const SLICE_MS = 15;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `steps` a slice of about `sliceMs` at a time and yields to the event loop between slices
 * (setImmediate: the messages that arrived meanwhile are read and answered first). Once `stale()`
 * says the result is no longer wanted (a newer version, a close, a newer run) the run is abandoned
 * and gives undefined.
 */
export async function runInSlices<T>(steps: Steps<T>, stale: () => boolean, sliceMs = SLICE_MS): Promise<T | undefined> {
  for (;;) {
    const deadline = performance.now() + sliceMs;
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() >= deadline) break;
    }
    await nextTurn();
    if (stale()) {
      steps.return(undefined as never);
      return undefined;
    }
  }
}
