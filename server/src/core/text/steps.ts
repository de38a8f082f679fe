/**
 * Work in steps: a generator that yields between small units of work (a sentence read, a sentence
 * matched) and returns its result. A caller with a time budget (the language server) runs it a slice
 * at a time and answers other requests in between; `finish` runs it in one go (the CLI, a request
 * that needs the result now). Both walk the same code.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end and gives their result. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
