import * as assert from 'node:assert/strict';
import { readDuration } from '../../../server/src/core/facts/durations';

describe('durations normalised to months', () => {
  const months = (phrase: string, dateOfService?: string) => readDuration(phrase, dateOfService)?.months;

  it('reads numbers, decimals and number words with any unit spelling', () => {
    assert.equal(months('x 19 mo'), 19);
    assert.equal(months('for 2.5 years'), 30);
    assert.equal(months('19-month history'), 19);
    assert.equal(months('3 yrs'), 36);
    assert.equal(months('six weeks'), 1.5);
    assert.equal(months('for over 18 months'), 18);
    assert.equal(months('two and a half years'), 30);
    assert.equal(months('2 1/2 yrs'), 30);
    assert.equal(months('14mo'), 14);
    assert.equal(months('a year'), 12);
    assert.equal(months('10 days'), 0.3);
  });

  it('anchors "since" to the date of service, and says "no number" without one', () => {
    assert.equal(months('since 2023', '2026-03-14'), 33);
    assert.equal(months('since March 2024', '2026-03-14'), 24);
    assert.equal(months('since 3/2025', '2026-03-14'), 12);
    assert.deepEqual(readDuration('since 2023'), { months: null });
    assert.deepEqual(readDuration('for several years'), { months: null });
  });

  it('finds no duration where there is none', () => {
    assert.equal(readDuration('since the accident'), undefined);
    assert.equal(readDuration('19 m away'), undefined);
    assert.equal(readDuration('level 5'), undefined);
  });
});
