const WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, single: 1, solitary: 1, two: 2, dual: 2, both: 2, pair: 2, twin: 2, second: 2, three: 3, third: 3, four: 4, fourth: 4, five: 5, six: 6,
};

/** "2", "two", "a pair of" ... as a number, or undefined. */
export function readCount(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (/^\d{1,2}$/.test(lower)) return Number(lower);
  return WORDS[lower];
}

export const COUNT_WORD = '(?:\\d{1,2}|a|an|one|single|solitary|two|dual|both|twin|three|four|five|six)';

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** "70", "seventy", "sixty-five", "twelve", "one hundred" as a number; NaN when it is none. */
export function readNumber(text: string): number {
  const lower = text.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(lower)) return Number(lower);
  if (lower === 'hundred' || lower === 'one hundred') return 100;
  const [tens, unit] = lower.split(/[-\s]+/);
  if (unit === undefined && UNITS.includes(tens)) return UNITS.indexOf(tens);
  if (unit === undefined && TEENS.includes(tens)) return 10 + TEENS.indexOf(tens);
  if (!(tens in TENS)) return Number.NaN;
  const ones = unit === undefined ? 0 : UNITS.indexOf(unit);
  return ones < 0 ? Number.NaN : TENS[tens] + ones;
}
