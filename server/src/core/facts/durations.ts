/**
 * Durations as notes write them ("x 19 mo", "for 2.5 years", "19-month history", "3 yrs", "six
 * weeks", "since 2023", "since March 2024") normalised to months, so rules compare numbers instead of
 * re-reading text. A week counts as a quarter month and a day as a thirtieth, as coders count.
 */
import { readNumber } from './numbers';


const UNIT_MONTHS: Readonly<Record<string, number>> = {
  d: 1 / 30, day: 1 / 30, days: 1 / 30,
  w: 0.25, wk: 0.25, wks: 0.25, week: 0.25, weeks: 0.25,
  m: 1, mo: 1, mos: 1, mon: 1, mth: 1, mths: 1, month: 1, months: 1, mont: 1, monts: 1,
  y: 12, yr: 12, yrs: 12, year: 12, years: 12,
};

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "19", "2.5", "six", "a" as a number; "several", "many" and the like as null (an amount, not a number). */
function readAmount(word: string): number | null | undefined {
  if (/^\d{1,3}(?:\.\d{1,2})?$/.test(word)) return Number(word);
  if (word === 'a' || word === 'an') return 1;
  // Words only: readNumber also takes digits, which the line above bounds.
  const spelled = /^[a-z]+$/.test(word) ? readNumber(word) : Number.NaN;
  if (spelled > 0) return spelled;
  if (word === 'several' || word === 'many' || word === 'multiple' || word === 'numerous') return null;
  return undefined;
}

interface Duration {
  /** Months, rounded to a tenth; null when the note gives no number ("several years", "since 2023" without a date of service). */
  readonly months: number | null;
}

/**
 * Reads the first duration in a short phrase. `dateOfService` (YYYY-MM-DD) anchors "since 2023".
 * Returns undefined when the phrase holds no duration.
 */
export function readDuration(phrase: string, dateOfService?: string): Duration | undefined {
  const read = readAmountOfTime(phrase, dateOfService);
  if (read === undefined || 'months' in read) return read;
  return { months: read.amount === null ? null : Math.round(read.amount * read.perUnit * 10) / 10 };
}

/** A trial's length in days ("7-day", "one week", "10 days"); undefined when the phrase holds no amount of days. */
export function readDays(phrase: string): number | undefined {
  const read = readAmountOfTime(phrase);
  return read === undefined || 'months' in read || read.amount === null ? undefined : Math.round(read.amount * read.perUnit * 30);
}

/** The first amount and unit of a phrase, or for "since" the duration itself. */
function readAmountOfTime(phrase: string, dateOfService?: string): { amount: number | null; perUnit: number } | Duration | undefined {
  const words = phrase.toLowerCase().replace(/[,;()]/g, ' ').split(/[\s-]+/).filter(Boolean);
  for (let index = 0; index < words.length; index++) {
    const word = words[index].replace(/\+$/, '');
    if (word === 'since') return since(words.slice(index + 1, index + 3), dateOfService);
    const attached = /^(\d{1,3}(?:\.\d{1,2})?)([a-z]{1,6})$/.exec(word);
    const amount = attached ? Number(attached[1]) : readAmount(word);
    if (amount === undefined) continue;
    let next = index + 1;
    let value = amount;
    // "two and a half years", "2 1/2 yrs"
    if (words[next] === 'and' && words[next + 1] === 'a' && words[next + 2] === 'half') {
      next += 3;
      value = value === null ? null : value + 0.5;
    } else if (words[next] === '1/2' || words[next] === '½') {
      next += 1;
      value = value === null ? null : value + 0.5;
    }
    const unit = attached ? attached[2] : words[next]?.replace(/\.$/, '');
    const perUnit = unit === undefined ? undefined : UNIT_MONTHS[unit];
    if (perUnit === undefined) continue;
    // A bare "m" or "y" is a unit only right after a number ("19m"), never as a separate word.
    if (!attached && unit.length === 1) continue;
    return { amount: value, perUnit };
  }
  return undefined;
}

/** "since 2023", "since March 2024", "since 3/2024" against the date of service. */
function since(words: readonly string[], dateOfService?: string): Duration | undefined {
  let year: number | undefined;
  let month = 6; // a bare year: count from its middle
  const [first = '', second = ''] = words;
  const monthIndex = MONTH_NAMES.findIndex((name) => first.startsWith(name.slice(0, 3)) && name.startsWith(first.replace(/\.$/, '')));
  if (/^(19|20)\d{2}$/.test(first)) year = Number(first);
  else if (monthIndex >= 0 && /^(19|20)\d{2}$/.test(second)) {
    year = Number(second);
    month = monthIndex + 1;
  } else {
    const numeric = /^(\d{1,2})\/((?:19|20)\d{2})$/.exec(first);
    if (numeric && Number(numeric[1]) >= 1 && Number(numeric[1]) <= 12) {
      month = Number(numeric[1]);
      year = Number(numeric[2]);
    }
  }
  if (year === undefined) return undefined;
  const service = dateOfService && /^(\d{4})-(\d{2})-\d{2}$/.exec(dateOfService);
  if (!service) return { months: null };
  const months = (Number(service[1]) - year) * 12 + (Number(service[2]) - month);
  return { months: months >= 0 ? months : null };
}
