import * as assert from 'node:assert/strict';
import * as path from 'node:path';

const GUARD = path.join(__dirname, '../helpers/noProcesses.cjs');
// Loaded by .mocharc.unit.cjs before any test file; read here through require.cache so that this file
// itself neither installs the guard nor names a process API.
const guardLoadedBySuite = require.cache[GUARD] !== undefined;
const guard = require(GUARD) as {
  MESSAGE: string;
  childProcess: { spawnSync(command: string, args: string[]): unknown; fork(module: string): unknown };
  workerThreads: { Worker: new (file: string) => unknown };
};
const { suites, startsAProcess, timesOrGenerates } = require(path.join(__dirname, '../../scripts/test-suites.cjs')) as {
  suites(): { unit: string[]; integration: string[] };
  startsAProcess(file: string): boolean;
  timesOrGenerates(file: string): boolean;
};

const ROOT = path.join(__dirname, '../..');

describe('test suites', () => {
  it('the unit suite refuses to start a child process or a worker thread', () => {
    assert.ok(guardLoadedBySuite, 'run the unit tests with `npm run test:unit` (.mocharc.unit.cjs loads test/helpers/noProcesses.cjs)');
    assert.throws(() => guard.childProcess.spawnSync(process.execPath, ['-e', '']), { message: new RegExp(guard.MESSAGE) });
    assert.throws(() => guard.childProcess.fork(__filename), { message: new RegExp(guard.MESSAGE) });
    assert.throws(() => new guard.workerThreads.Worker(__filename), { message: new RegExp(guard.MESSAGE) });
  });

  it('a file is an integration test when it or a helper it imports starts a process, runs dist/, times the checker or generates inputs', () => {
    const { unit, integration } = suites();
    assert.ok(unit.includes('test/unit/suites.test.ts'));
    for (const file of ['test/protocol/server.test.ts', 'test/cli/cli.test.ts', 'test/privacy/canary.test.ts', 'test/robustness/pathological.test.ts', 'test/robustness/fuzz.test.ts']) {
      assert.ok(integration.includes(file), file);
    }
    assert.equal(startsAProcess(path.join(ROOT, 'test/helpers/lspClient.ts')), true);
    assert.equal(timesOrGenerates(path.join(ROOT, 'test/helpers/timing.ts')), true);
    for (const helper of ['test/helpers/fixtures.ts', 'test/helpers/robustness.ts']) {
      assert.equal(startsAProcess(path.join(ROOT, helper)) || timesOrGenerates(path.join(ROOT, helper)), false, helper);
    }
    assert.deepEqual(unit.filter((file) => integration.includes(file)), []);
  });
});
