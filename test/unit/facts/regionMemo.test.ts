import * as assert from 'node:assert/strict';
import { RegionMemos, type RegionMemo } from '../../../server/src/core/facts/sentenceMemo';

/**
 * The region memo finds a region's sentences by the text they depend on. The same text can hold a
 * region at another place or of another length (a section body that ends one character later, a
 * heading that ends elsewhere on the line): then the remembered sentences do not fit and the region
 * is read again.
 */
describe('facts: the region memo', () => {
  const KEY = 'INDICATIONS: Pain for 14 months. Trial gave 70% relief.\n#';

  /** As the facts reader asks: the remembered memo, or a new one read and kept. */
  const memoOf = (memos: RegionMemos, key: string, offset: number, length: number, read: () => Omit<RegionMemo, 'offset' | 'length'>) =>
    memos.find(key, offset, length) ?? memos.keep(key, { offset, length, ...read() });

  function reader(sentences: number[]) {
    let reads = 0;
    return {
      read: () => {
        reads++;
        return { starts: sentences, lengths: sentences.map(() => 1), memos: sentences.map(() => ({ candidates: new Int32Array(1) })) };
      },
      reads: () => reads,
    };
  }

  it('gives the remembered sentences for the same region of the same text', () => {
    const memos = new RegionMemos();
    const first = reader([0, 20]);
    const memo = memoOf(memos, KEY, 12, 44, first.read);
    assert.deepEqual(memoOf(memos, KEY.slice(0), 12, 44, first.read), memo);
    assert.equal(first.reads(), 1);
  });

  it('reads again a region that starts elsewhere in the same text', () => {
    const memos = new RegionMemos();
    memoOf(memos, KEY, 12, 44, reader([0, 20]).read);
    const moved = reader([0, 21]);
    const memo = memoOf(memos, KEY, 11, 44, moved.read);
    assert.equal(moved.reads(), 1);
    assert.deepEqual({ offset: memo.offset, length: memo.length, starts: memo.starts }, { offset: 11, length: 44, starts: [0, 21] });
  });

  it('reads again a region of another length in the same text', () => {
    const memos = new RegionMemos();
    memoOf(memos, KEY, 12, 44, reader([0, 20]).read);
    const longer = reader([0, 20, 44]);
    const memo = memoOf(memos, KEY, 12, 45, longer.read);
    assert.equal(longer.reads(), 1);
    assert.deepEqual({ offset: memo.offset, length: memo.length, starts: memo.starts }, { offset: 12, length: 45, starts: [0, 20, 44] });
  });

  it('does not give a remembered region that no longer fits after it was moved to the older generation', () => {
    const memos = new RegionMemos();
    memoOf(memos, KEY, 12, 44, reader([0, 20]).read);
    // Fill the newer generation so that the memo above becomes older.
    for (let i = 0; i < 8192; i++) memoOf(memos, `filler ${i}`, 0, 8, reader([0]).read);
    const longer = reader([0, 20, 44]);
    assert.deepEqual(memoOf(memos, KEY, 12, 45, longer.read).starts, [0, 20, 44]);
    assert.equal(longer.reads(), 1);
  });
});
