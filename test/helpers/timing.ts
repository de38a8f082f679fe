/**
 * Time budgets for robustness tests. No test asserts a tight wall-clock figure (HOUSE.md): `guarded`
 * stops a run that takes a thousand times too long (a vm timeout interrupts even a catastrophic regular
 * expression, which nothing else can), and growth is judged by ratios of the least of several runs.
 */
import * as vm from 'node:vm';

const RUN = new vm.Script('globalThis.__opnoteGuardedRun()');

/** The result of `work`, or an error when it takes longer than `budgetMs`. */
export function guarded<T>(work: () => T, budgetMs: number): T {
  let result: T | undefined;
  const global = globalThis as { __opnoteGuardedRun?: () => void };
  global.__opnoteGuardedRun = () => {
    result = work();
  };
  try {
    RUN.runInThisContext({ timeout: budgetMs });
  } catch (error) {
    if (/timed out/i.test(String(error))) throw new Error(`took longer than ${budgetMs} ms`);
    throw error;
  } finally {
    delete global.__opnoteGuardedRun;
  }
  return result as T;
}

/** The least wall time of `tries` runs of `work`, in milliseconds, each run within `budgetMs`. */
export function leastMs(work: () => unknown, tries: number, budgetMs: number): number {
  let least = Infinity;
  for (let attempt = 0; attempt < tries; attempt++) {
    const started = process.hrtime.bigint();
    guarded(work, budgetMs);
    least = Math.min(least, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return least;
}
