/**
 * One fuzzing thread of test/helpers/fuzzPool.ts. It makes and checks the inputs of each batch it is
 * sent and posts the results once per batch. Before each input it writes the input's index, start
 * and deadline into the shared slot, so that the pool can tell which input a stuck thread is on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkInput, fuzzInput, fuzzService, fuzzSource, inputSize, type FuzzSources } from './fuzz';
import { budgetMs, NOT_MADE, SLOT, type Batch, type BatchResult, type WorkerData } from './fuzzPool';
import { checkInvariants, seededRandom } from './robustness';

const data = workerData as WorkerData;
const config: FuzzSources = { seed: data.seed, documents: data.documents, sources: data.sources, ...(data.generatorModules ? { generatorModules: data.generatorModules } : {}) };
const slot = new Int32Array(data.slot);
const robust = fuzzService(config.documents);
const sinceEpoch = () => Date.now() - data.epoch;

// Warm up on a few real documents, so that compiling the checking code is not charged to the first inputs.
for (const document of config.documents.slice(0, 3)) {
  checkInvariants(robust, { uri: `/warm-up/${document.name}`, text: document.text, kind: document.kind }, { random: seededRandom(1), probes: 6 });
  robust.service.forget(`/warm-up/${document.name}`);
}

function run(batch: Batch): BatchResult {
  const count = batch.to - batch.from;
  const result: BatchResult = { type: 'batch', from: batch.from, to: batch.to, ms: new Float64Array(count), sizes: new Float64Array(count), sources: new Uint8Array(count), failures: [] };
  for (let index = batch.from; index < batch.to; index++) {
    const started = performance.now();
    let outcome: ReturnType<typeof checkInput>;
    let size = 0;
    const source = config.sources.indexOf(fuzzSource(config, index));
    const start = sinceEpoch();
    Atomics.store(slot, SLOT.index, index);
    Atomics.store(slot, SLOT.source, source);
    Atomics.store(slot, SLOT.size, NOT_MADE);
    Atomics.store(slot, SLOT.start, start);
    // Making the input is on the clock too (with the base budget), then checking it (with its size's).
    Atomics.store(slot, SLOT.deadline, start + Math.ceil(budgetMs(data.budget, 0)));
    try {
      const input = fuzzInput(config, index);
      size = inputSize(input);
      Atomics.store(slot, SLOT.size, size);
      Atomics.store(slot, SLOT.deadline, start + Math.ceil(budgetMs(data.budget, size)));
      outcome = checkInput(robust, input);
    } catch (error) {
      outcome = { invariant: 'making the input never throws', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    Atomics.store(slot, SLOT.deadline, 0);
    const ms = performance.now() - started;
    const at = index - batch.from;
    result.ms[at] = ms;
    result.sources[at] = source;
    result.sizes[at] = size;
    if (outcome) result.failures.push({ index, kind: 'exception', ms, size, ...outcome });
    // A slow input that finished before the pool looked is over budget all the same.
    else if (ms > budgetMs(data.budget, size)) result.failures.push({ index, kind: 'overrun', ms, size, invariant: 'within the time budget', message: `took ${ms.toFixed(0)} ms` });
  }
  return result;
}

parentPort!.on('message', (batch: Batch) => parentPort!.postMessage(run(batch)));
parentPort!.postMessage({ type: 'ready' });
