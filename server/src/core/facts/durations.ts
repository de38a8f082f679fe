/**
 * Durations as notes write them ("x 19 mo", "for 2.5 years", "19-month history", "3 yrs", "six
 * weeks", "since 2023", "since March 2024", British "for 18/12") normalised to months, so rules compare numbers instead of
 * re-reading text. A week counts as a quarter month and a day as a thirtieth, as coders count.
 */
import { readNumber } from './numbers';


const UNIT_MONTHS: Readonly<Record<string, number>> = {
  d: 1 / 30, day: 1 / 30, days: 1 / 30,
  w: 0.25, wk: 0.25, wks: 0.25, week: 0.25, weeks: 0.25,
  m: 1, mo: 1, mos: 1, mon: 1, mth: 1, mths: 1, month: 1, months: 1, monthes: 1, rnonth: 1, rnonths: 1, mont: 1, monts: 1,
  y: 12, yr: 12, yrs: 12, year: 12, years: 12,
};

const FRACTION_UNIT_MONTHS: Readonly<Record<string, number>> = { '12': 1, '52': 0.25, '7': 1 / 30 };

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
  // An ISO month ("2024-06") reads as "06/2024", before the hyphens split the words.
  const words = phrase.toLowerCase().replace(ISO_MONTH, '$2/$1').replace(/[,;()]|:(?!\d)|[|=]/g, ' ').split(/[\s-]+/).filter(Boolean);
  for (let index = 0; index < words.length; index++) {
    // "x1.5 years", "18+ months"
    // "2½ years": the half written on the number.
    const halved = /^(\d{1,3})½$/.exec(words[index]);
    const word = halved ? halved[1] : words[index].replace(/\+$/, '').replace(/^x(?=\d)/, '');
    if (SINCE.has(word)) {
      // "09/14/2024 onset: fall from ladder", "2024-06 L thigh burning starts": the date stands before the word.
      const read = dateBefore(words, index, dateOfService) ?? since(words.slice(index + 1, index + 1 + SINCE_REACH), dateOfService);
      if (read) return read;
      continue;
    }
    // British notation: "18/12" is 18 months, "6/52" six weeks, "3/7" three days.
    const fraction = /^(\d{1,2})\/(12|52|7)$/.exec(word);
    if (fraction) return { amount: Number(fraction[1]), perUnit: FRACTION_UNIT_MONTHS[fraction[2]] };
    const attached = /^(\d{1,3}(?:\.\d{1,2})?)([a-z]{1,6})$/.exec(word);
    const amount = attached ? Number(attached[1]) : readAmount(word);
    // "opioid 0 days of 7" counts days, it is no length of time.
    if (amount === undefined || amount === 0) continue;
    let next = index + 1;
    let value = amount;
    // "twenty-four months": a tens word and its unit are one number.
    const ones = amount !== null && !attached && amount >= 20 && amount % 10 === 0 ? readAmount(words[next] ?? '') : undefined;
    if (typeof ones === 'number' && ones >= 1 && ones <= 9 && value !== null) {
      value += ones;
      next += 1;
    }
    // "two and a half years", "three and one half years", "2 1/2 yrs"
    if (words[next] === 'and' && (words[next + 1] === 'a' || words[next + 1] === 'one') && words[next + 2] === 'half') {
      next += 3;
      value = value === null ? null : value + 0.5;
    } else if (halved || words[next] === '1/2' || words[next] === '½') {
      if (!halved) next += 1;
      value = value === null ? null : value + 0.5;
    }
    const unit = attached ? attached[2] : words[next]?.replace(/\.$/, '');
    const perUnit = unit === undefined ? undefined : UNIT_MONTHS[unit];
    if (perUnit === undefined) continue;
    // A bare "m" or "y" is a unit only right after a number ("19m"), never as a separate word.
    if (!attached && unit.length === 1) continue;
    // "a year and a half", "a year and one half"
    if (value !== null && words[next + 1] === 'and' && (words[next + 2] === 'a' || words[next + 2] === 'one') && words[next + 3]?.startsWith('half')) value += 0.5;
    return { amount: value, perUnit };
  }
  return undefined;
}

/** Words that date the onset: "since 2023", "onset of pain in March 2024", "began in 2024", "pain dated from 10/2024". */
const SINCE: ReadonlySet<string> = new Set(['since', 'onset', 'began', 'begins', 'started', 'starts', 'beginning', 'dated', 'dating']);
/** How many words after "since" the date may stand ("since an ankle fracture in 2022", "since her open left inguinal hernia repair with mesh in 2023"). */
const SINCE_REACH = 11;

/** The month a season or a part of the year stands for ("since spring 2023", "late 2024"). */
const SEASON_MONTH: Readonly<Record<string, number>> = { early: 3, spring: 4, mid: 6, summer: 7, late: 10, fall: 10, autumn: 10, winter: 1 };

function monthOf(word: string): number | undefined {
  const bare = word.replace(/\.$/, '');
  const index = bare.length >= 3 ? MONTH_NAMES.findIndex((name) => name.startsWith(bare)) : -1;
  return index >= 0 ? index + 1 : SEASON_MONTH[bare];
}

const ISO_MONTH = /\b((?:19|20)\d{2})-(0?[1-9]|1[0-2])\b(?!-\d)/g;

/** How many words before "onset" or "starts" its date may stand. */
const DATE_BEFORE_REACH = 6;

/** The date nearest before words[index], `reach` words back at most. */
function dateBefore(words: readonly string[], index: number, dateOfService?: string, reach = DATE_BEFORE_REACH): Duration | undefined {
  for (let at = index - 1; at >= Math.max(0, index - reach); at--) {
    const read = since(words.slice(Math.max(0, at - 2), at + 1), dateOfService);
    if (read) return read;
  }
  return undefined;
}

/** Events a pain may be dated from: "since the accident", "since her amputation". */
const EVENT_WORDS = ['accident', 'injury', 'fall', 'crash', 'collision', 'trauma', 'assault', 'stroke', 'amputation', 'surgery', 'operation', 'repair', 'fracture', 'dislocation', 'thoracotomy', 'tka', 'tkr', 'tha', 'thr', 'arthroplasty', 'orif', 'release', 'transposition', 'bypass'];
/** The ones that are the same event told again: a note says "crush injury on 01/22/2025", then "since the accident"; "total knee arthroplasty 2024-09-10", then "after surgery". */
const SAME_EVENT: readonly ReadonlySet<string>[] = [
  new Set(['accident', 'injury', 'fall', 'crash', 'collision', 'trauma', 'assault']),
  new Set(['surgery', 'operation', 'repair', 'release', 'transposition', 'bypass', 'thoracotomy', 'arthroplasty', 'tka', 'tkr', 'tha', 'thr', 'orif', 'amputation']),
];
const sameEvent = (told: string, event: string) => told === event || SAME_EVENT.some((group) => group.has(told) && group.has(event));
export const EVENT = `(?:${EVENT_WORDS.join('|')})`;

/**
 * "Since the accident" dated by what the note told before it ("crush injury at work on 01/22/2025",
 * "amputation 02/05/2024"): the last telling of the event, or of an injury for an injury, followed by
 * a date; a bare "since" ending its clause ("L buttock pain since") is dated by the last date `before`
 * it. No such date: a duration without a number, not a guess.
 */
export function readSinceEvent(phrase: string, before: string, dateOfService?: string): Duration | undefined {
  const words = before.toLowerCase().replace(/[,;()]/g, ' ').split(/\s+/).filter(Boolean).map((word) => word.replace(/[.:]$/, ''));
  const event = phrase.toLowerCase().split(/[^a-z]+/).find((word) => EVENT_WORDS.includes(word));
  if (event === undefined) {
    // "pain since", the clause ending there: since the last date told before it.
    if (phrase.trim().toLowerCase() !== 'since') return undefined;
    return dateBefore(words, words.length, dateOfService, words.length) ?? { months: null };
  }
  for (let index = words.length - 1; index >= 0; index--) {
    if (!sameEvent(words[index], event)) continue;
    const read = since(words.slice(index + 1, index + 1 + SINCE_REACH), dateOfService);
    if (read) return read;
  }
  return { months: null };
}

/** "since 2023", "since March 2024", "since 3/2024", "since her fall on 02/27/2025", "onset in late 2024" against the date of service. */
function since(words: readonly string[], dateOfService?: string): Duration | undefined {
  let year: number | undefined;
  let month = 6; // a bare year: count from its middle
  for (let index = 0; index < words.length && year === undefined; index++) {
    const word = words[index];
    // "3/2024", "09/14/2024"; European "03.2024", "14.09.2024" (the month second when the day is given); ISO "2024-09-10".
    const iso = /^((?:19|20)\d{2})-(\d{1,2})(?:-\d{1,2})?$/.exec(word);
    const numeric = /^(\d{1,2})\/(?:\d{1,2}\/)?((?:19|20)\d{2})$/.exec(word) ?? /^(?:\d{1,2}\.)?(\d{1,2})\.((?:19|20)\d{2})$/.exec(word) ?? (iso ? [word, iso[2], iso[1]] : null);
    if (/^(19|20)\d{2}\.?$/.test(word)) {
      year = Number(word.slice(0, 4));
      // "March 2024", or with the day between: "May 1, 2026".
      const named = index > 0 ? monthOf(words[index - 1]) ?? (index > 1 && /^\d{1,2}(?:st|nd|rd|th)?$/.test(words[index - 1]) ? monthOf(words[index - 2]) : undefined) : undefined;
      month = named ?? month;
    } else if (numeric && Number(numeric[1]) >= 1 && Number(numeric[1]) <= 12) {
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
