// Loaded by the unit suite (.mocharc.unit.cjs): a unit test runs in this process only. Starting a child
// process or a worker thread throws, so a test that needs one fails here and belongs to the integration
// suite (scripts/test-suites.cjs puts a file there when it imports a process API or runs dist/).
// Calls made by installed packages stay allowed: tsx compiles the tests through esbuild's worker.
'use strict';
const childProcess = require('node:child_process');
const workerThreads = require('node:worker_threads');

const MESSAGE = 'the unit suite runs in-process: a test that starts a process belongs to the integration suite';

/** Whether the function that called the guarded one lives in an installed package. */
function calledByAPackage() {
  const caller = (new Error().stack ?? '').split('\n')[3] ?? '';
  return /[\\/]node_modules[\\/]/.test(caller);
}

function replace(target, name, value) {
  Object.defineProperty(target, name, { configurable: true, writable: true, value });
}

for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  const original = childProcess[name];
  replace(childProcess, name, function refused(...args) {
    if (!calledByAPackage()) throw new Error(`${MESSAGE} (child_process.${name})`);
    return original.apply(this, args);
  });
}

const OriginalWorker = workerThreads.Worker;
replace(
  workerThreads,
  'Worker',
  class RefusedWorker extends OriginalWorker {
    constructor(...args) {
      if (!calledByAPackage()) throw new Error(`${MESSAGE} (worker_threads.Worker)`);
      super(...args);
    }
  },
);

module.exports = { MESSAGE, childProcess, workerThreads };
