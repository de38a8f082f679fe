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

  it('reads compound number words, "x1.5", "a year and a half" and the onset of the pain', () => {
    assert.equal(months('for twenty-four months'), 24);
    assert.equal(months('x1.5 years'), 18);
    assert.equal(months('for a year and a half'), 18);
    assert.equal(months('x 2y'), 24);
    assert.equal(months('onset of pain in March 2024', '2026-05-01'), 26);
    assert.equal(months('since an ankle fracture in 2022', '2026-05-01'), 47);
    assert.equal(months('since spring 2023', '2026-05-01'), 37);
  });

  it('finds no duration where there is none', () => {
    assert.equal(readDuration('since the accident'), undefined);
    assert.equal(readDuration('19 m away'), undefined);
    assert.equal(readDuration('level 5'), undefined);
  });
});
