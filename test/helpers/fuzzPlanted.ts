/**
 * Generators that fail on purpose, for test/robustness/fuzz.test.ts: the fuzzer must stop one that
 * never finishes at its budget, and record one that throws and one that runs out of memory, each
 * time going on with the other inputs.
 */
import type { Generator } from './fuzzGrammar';

export const generators: readonly Generator[] = [
  {
    name: 'planted-quick',
    description: 'a short, ordinary note',
    weight: 4,
    generate: (g) => ({ kind: 'opnote', text: `# Procedure\nPercutaneous placement of ${g.pick(['one', 'two'])} electrode arrays.\n`, variant: 'quick' }),
  },
  {
    name: 'planted-backtracking',
    description: 'a pattern that backtracks for longer than anyone waits, blocking its thread',
    weight: 1,
    generate: () => {
      /(a|a)*b/.test('a'.repeat(64));
      return { kind: 'opnote', text: '', variant: 'never made' };
    },
  },
  {
    name: 'planted-throw',
    description: 'a generator that throws',
    weight: 1,
    generate: () => {
      throw new Error('planted failure');
    },
  },
  {
    name: 'planted-memory',
    description: 'a generator that keeps allocating until its heap limit',
    weight: 0.5,
    generate: () => {
      const kept: number[][] = [];
      for (;;) kept.push(new Array<number>(1_000_000).fill(kept.length));
    },
  },
];
