import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readFileSafely } from '../../../server/src/node/safeRead';
import { workspace, type Workspace } from '../../helpers/lspSession';

/**
 * The safe reader on ordinary files and on the ways out of a workspace. The special files that
 * block or never end (FIFOs, /dev/zero, /proc) are tested in child processes under a watchdog
 * (test/robustness/noteTargets.test.ts, specialFiles.test.ts), so a regression cannot hang this run.
 */
describe('node: the safe reader', () => {
  let parent: Workspace;
  let ws: string;
  beforeEach(() => {
    parent = workspace({ 'outside.opnote': 'outside', 'ws/inside.opnote': 'inside', 'ws/bad.opnote': '' });
    ws = path.join(parent.dir, 'ws');
    fs.writeFileSync(path.join(ws, 'bad.opnote'), Buffer.from([0x61, 0xff, 0x62]));
  });
  afterEach(() => parent.remove());

  const text = (result: ReturnType<typeof readFileSafely>) => ('text' in result ? result.text : `refused: ${result.refused}`);

  it('reads a regular file as UTF-8, bad bytes as U+FFFD', () => {
    assert.equal(text(readFileSafely(path.join(ws, 'inside.opnote'), { maxBytes: 100 })), 'inside');
    assert.equal(text(readFileSafely(path.join(ws, 'bad.opnote'), { maxBytes: 100 })), 'a\uFFFDb');
  });

  it('stops at the byte cap: refuses, or gives the head when asked to truncate', () => {
    fs.writeFileSync(path.join(ws, 'big.opnote'), 'x'.repeat(3 * 1024 * 1024));
    assert.equal(text(readFileSafely(path.join(ws, 'big.opnote'), { maxBytes: 3 * 1024 * 1024 })).length, 3 * 1024 * 1024, 'exactly the cap is read');
    assert.equal(text(readFileSafely(path.join(ws, 'big.opnote'), { maxBytes: 1024 * 1024 })), 'refused: too-large');
    const head = readFileSafely(path.join(ws, 'big.opnote'), { maxBytes: 1000, truncate: true });
    assert.deepEqual(head, { text: 'x'.repeat(1000), truncated: true });
  });

  it('says why it did not read: missing, not a regular file, over its time budget', () => {
    assert.equal(text(readFileSafely(path.join(ws, 'none.opnote'), { maxBytes: 100 })), 'refused: missing');
    assert.equal(text(readFileSafely(ws, { maxBytes: 100 })), 'refused: not-a-file');
    assert.equal(text(readFileSafely(path.join(ws, 'inside.opnote'), { maxBytes: 100, timeBudgetMs: -1 })), 'refused: too-slow');
  });

  it('inside roots: nothing outside is read, by path or by symlink; a symlink inside the workspace is followed', () => {
    const roots = [ws];
    fs.symlinkSync(path.join(parent.dir, 'outside.opnote'), path.join(ws, 'out-link.opnote'));
    fs.symlinkSync(path.join(ws, 'inside.opnote'), path.join(ws, 'in-link.opnote'));
    for (const file of [path.join(parent.dir, 'outside.opnote'), path.join(ws, '..', 'outside.opnote'), path.join(ws, 'out-link.opnote'), 'ws/inside.opnote', '/etc/hostname', path.join(parent.dir, 'no-such.opnote')]) {
      assert.equal(text(readFileSafely(file, { maxBytes: 100, roots })), 'refused: outside-workspace', file);
    }
    assert.equal(text(readFileSafely(path.join(ws, 'in-link.opnote'), { maxBytes: 100, roots })), 'inside');
    assert.equal(text(readFileSafely(path.join(ws, 'none.opnote'), { maxBytes: 100, roots })), 'refused: missing');
  });

  it('a workspace reached through a symlink is the same workspace', () => {
    const alias = path.join(parent.dir, 'alias');
    fs.symlinkSync(ws, alias);
    assert.equal(text(readFileSafely(path.join(alias, 'inside.opnote'), { maxBytes: 100, roots: [alias] })), 'inside');
    assert.equal(text(readFileSafely(path.join(ws, 'inside.opnote'), { maxBytes: 100, roots: [alias] })), 'inside');
  });
});
