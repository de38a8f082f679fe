import { lookupIcd10 } from '../knowledge/icd10';
import type { CodeMention, DocumentModel } from '../parse/model';
import { parseServiceDate } from '../parse/dates';
import { isEmptyValue } from '../parse/template';
import { lineAt, type Span } from '../text/span';
import { finish, type Steps } from '../text/steps';
import { NOTHING_REMOVED, supportedCodes, type RemovedSystem } from './codes';
import {
  ACCESSORY_INCISION,
  ADDITIONAL_ARRAY,
  FIRST_ARRAY_GIVEN_UP,
  ANESTHESIA_GIVEN,
  APPROACHES,
  ARRAY_COUNT,
  POWER_OR_RECEIVER,
  ARRAY_GIVEN_UP,
  ARRAY_TIMES,
  BEFORE_ANESTHESIA,
  BEFORE_NOT_PAIN_DURATION,
  BEFORE_PAIN_DURATION,
  BLADDER_INDICATION,
  CORRECTION,
  DISCONTINUED,
  EACH_SIDE,
  EARLIER_TRIAL,
  GENERIC_IMAGING,
  GUIDANCE_CUE,
  SIDE_CUE,
  IMPLANT_RECORD,
  INCREASED_SERVICES,
  INTEGRATED,
  LATERALITY,
  NERVE_BODY_PARTS,
  MODALITIES,
  NAMED_NERVE,
  NECESSITY,
  NERVES,
  NEUROSTIMULATION,
  DEVICE_CODE,
  NOT_COMPLETED,
  PERMANENT,
  PROCEDURE_KINDS,
  PROCEDURE_TITLE_KINDS,
  STIMULATOR_AS_TOOL,
  TARGETS,
  TESTING,
} from './lexicon';
import { current, findMatches, findPattern, matchAhead, readSentences, type Match, type Sentence } from './mentions';
import { readDays, readDuration, readSinceEvent } from './durations';
import { readCount, readNumber } from './numbers';
import { LiteralPrefilter } from '../prefilter/literalPrefilter';
import { regionsOf, textStart, textWithoutComments } from './regions';
import { NO_MEMO, RegionMemos } from './sentenceMemo';
import { occursIn, occursInSteps } from './windows';
import type { ConceptMention, ConflictReading, Discontinued, DocumentationConflict, DocumentedStatus, EvidenceStatus, Evidence, Fact, ImplantRecordPart, IncreasedServicesStatus, Laterality, Modality, NecessityFacts, NoteFacts, ProcedureKind, Target, TrialOutcome } from './types';

const evidenceOf = (matches: readonly Match[]): Evidence[] => matches.map((match) => ({ span: match.span, status: match.status }));

function fact<T>(value: T, matches: readonly Match[]): Fact<T> {
  return { value, evidence: evidenceOf(matches) };
}

/** The most frequent value among the matches; ties go to the earlier list position in `priority`. */
function mostFrequent<T extends string>(matches: readonly Match<T>[], priority: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const match of matches) counts.set(match.value, (counts.get(match.value) ?? 0) + 1);
  let best: T | undefined;
  for (const [value, count] of counts) {
    const bestCount = best === undefined ? -1 : counts.get(best)!;
    if (count > bestCount || (count === bestCount && priority.indexOf(value) < priority.indexOf(best!))) best = value;
  }
  return best;
}

function sentenceOf(sentences: readonly Sentence[], match: Match): Sentence | undefined {
  const at = match.span.start;
  const holds = (sentence: Sentence) => sentence.start <= at && at < sentence.start + sentence.text.length;
  // Sentences come in document order: a binary search, not a scan per match (a long note has thousands).
  let low = 0;
  let high = sentences.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sentences[mid].start <= at) low = mid;
    else high = mid - 1;
  }
  return sentences.length && holds(sentences[low]) ? sentences[low] : sentences.find(holds);
}

/** Whether the sentence holding the match says the pattern (a correction, a given-up array, a stop before anesthesia). */
function sentenceSays(sentences: readonly Sentence[], match: Match, pattern: RegExp): boolean {
  return occursIn(sentenceOf(sentences, match)?.text ?? '', pattern);
}

/** The match's sentence from `before` characters before the match to `after` after it ('' outside any sentence). */
function textNear(sentences: readonly Sentence[], match: Match, before: number, after: number): string {
  const sentence = sentenceOf(sentences, match);
  if (!sentence) return '';
  return sentence.text.slice(Math.max(0, match.span.start - sentence.start - before), Math.min(sentence.text.length, match.span.end - sentence.start + after));
}

/** Whether the match's sentence says `pattern` within `before` characters before the match or `after` after it. */
function saysNear(sentences: readonly Sentence[], match: Match, pattern: RegExp, before: number, after: number): boolean {
  return occursIn(textNear(sentences, match, before, after), pattern);
}

const HAD_PLACED = /\b(?:had|underwent|received)\s+(?:a|an|the|one|two|his|her|their|bilateral)\b[^.;]{0,80}$/i;
const HAD_REACH = 90;
const TODAY = /\btoday\b|\bthis (?:morning|afternoon|session)\b/i;

/** "Trial lead removed intact": the trial ends today; "trial lead had been placed at this level in April": it was before. */
const TRIAL_REMOVED = /^[ \t]{0,3}(?:[\w/-]{1,20}[ \t]{1,3}){0,2}?(?:(?:was|were)[ \t]{1,3})?(?:removed|pulled|withdrawn|explanted|taken out)\b|^[ \t]{0,3}(?:[\w-]{1,20}[ \t]{1,3}){0,2}?(?:had been|was previously|were previously)\b/i;

const TRIAL_RESULT_BEFORE = 60;
const TRIAL_RESULT_AFTER = 120;

function approachOf(sentences: readonly Sentence[], procedure: Fact<ProcedureKind> | null, mentions: ConceptMention[], conflicts: DocumentationConflict[]): Fact<'percutaneous' | 'open'> | null {
  const matches = record(mentions, 'approach', findMatches(sentences, APPROACHES));
  const here = current(matches);
  const open = here.filter((match) => match.value === 'open' && !ACCESSORY_INCISION.test(sentenceOf(sentences, match)?.text ?? ''));
  // "Percutaneous trial 05/2026 with 75% relief", "Trial 4/2026 (7 days, perc)" tell the trial's approach, not today's.
  const percutaneous = here.filter((match) => match.value === 'percutaneous' && !TRIAL_AFTER.test(textAfter(sentences, match)) && !saysNear(sentences, match, TRIAL_JUST_BEFORE, TRIAL_REACH, 0));
  // An introducer or an exit site goes with an open placement too; the word "percutaneous" does not.
  const saidPercutaneous = percutaneous.filter((match) => /\bperc/i.test(match.text));
  if (open.length && saidPercutaneous.length) conflicts.push({ topic: 'approach', readings: [reading('percutaneous', saidPercutaneous), reading('open', open)] });
  if (open.length) return fact('open', open);
  if (percutaneous.length) return fact('percutaneous', percutaneous);
  // A stimulator placed, revised or removed with no incision told of is placed through the skin, as a coder reads it.
  return procedure ? { value: 'percutaneous', evidence: procedure.evidence } : null;
}

const TRIAL_AFTER = /^[ \t]+(?:[\w-]+[ \t]+)?(?:trial|trail)\b/i;
const TRIAL_JUST_BEFORE = /\btrial\b[^.;)]*$/i;
const TRIAL_REACH = 25;

/** The rest of the sentence after a match, up to `reach` characters. */
function textAfter(sentences: readonly Sentence[], match: Match, reach = Infinity): string {
  const sentence = sentenceOf(sentences, match);
  if (!sentence) return '';
  const from = match.span.end - sentence.start;
  return sentence.text.slice(from, from + reach);
}

/** The sentence's text before a match, up to `reach` characters. */
function textBefore(sentences: readonly Sentence[], match: Match, reach: number): string {
  const sentence = sentenceOf(sentences, match);
  if (!sentence) return '';
  const to = match.span.start - sentence.start;
  return sentence.text.slice(Math.max(0, to - reach), to);
}

/** How far back in its sentence a bare "pain since" looks for its date. */
const SINCE_THEN_REACH = 120;

/** Everything the sentences tell before a match: what "since the accident" refers to. */
function toldBefore(sentences: readonly Sentence[], match: Match): string {
  return sentences
    .filter((sentence) => sentence.start < match.span.start)
    .map((sentence) => sentence.text.slice(0, Math.max(0, match.span.start - sentence.start)))
    .join(' ');
}

/** The diagnosis names the nerve and side of the condition when the account does not. */
const isDiagnosis = (match: Match) => match.status === 'affirmed' && match.role === 'diagnosis';
/** Failing both, the planned procedure names them (a procedure stopped before the array went in). */
const isPlanned = (match: Match) => match.status === 'hypothetical' || (match.role === 'plan' && match.status === 'affirmed');
/**
 * Failing all three, the indication names them when it names only one ("L posterior thigh pain
 * (post. femoral cutaneous) 2 yrs" over numbered steps that say only "the target").
 */
const soleIndicated = <T extends string>(matches: readonly Match<T>[]): Match<T>[] => {
  const named = matches.filter((match) => match.role === 'history' && (match.status === 'affirmed' || match.status === 'historical'));
  // A bare name and the specific one ("peroneal", "common peroneal") are one nerve.
  const same = (a: string, b: string) => a === b || a.endsWith(` ${b}`) || b.endsWith(` ${a}`);
  return named.every((match) => same(match.value, named[0].value)) ? named.filter((match) => match.status === 'affirmed') : [];
};

/**
 * The nerve of a device the note tells was placed before ("s/p integrated PNS L superficial peroneal n.
 * (implanted 04/2026)"): what a removal or a revision today works on, when today's account names no nerve.
 */
const placedBefore = <T extends string>(sentences: readonly Sentence[], matches: readonly Match<T>[]): Match<T>[] => {
  const told = matches.filter((match) => match.status === 'historical' && match.role !== 'plan' && sentenceSays(sentences, match, NEUROSTIMULATION));
  return told.every((match) => match.value === told[0].value) ? told : [];
};

const TARGET_PRIORITY: readonly Target[] = ['brain', 'spinal-cord', 'dorsal-root-ganglion', 'sacral-nerve', 'cranial-nerve', 'peripheral-nerve', 'other'];

function targetOf(sentences: readonly Sentence[], targets: readonly Match<Target>[], nerves: readonly Match[]): Fact<Target> | null {
  const asPeripheral = nerves.map((nerve) => ({ ...nerve, value: 'peripheral-nerve' as Target }));
  const all = [...targets, ...asPeripheral];
  for (const pool of [current(all), all.filter(isDiagnosis), all.filter(isPlanned), soleIndicated(all), placedBefore(sentences, all)]) {
    // A DRG lead is steered through the epidural space: named, the ganglion is the target, not the cord.
    const value = pool.some((match) => match.value === 'dorsal-root-ganglion') ? 'dorsal-root-ganglion' : mostFrequent(pool, TARGET_PRIORITY);
    if (value) return fact(value, pool.filter((match) => match.value === value));
  }
  return null;
}

/** Bare "occipital nerve" / "peroneal nerve" / "radial nerve" give way to a specific name of the same nerve ("superficial radial"). */
function canonicalNerve(value: string, all: ReadonlySet<string>): string {
  const specific = [...all].find((name) => name.endsWith(` ${value}`));
  if (specific) return specific;
  return value === 'peroneal' ? 'common peroneal' : value;
}

const BLOCK_AFTER = /^(?:\s*[+/&]\s*[a-z]+)?\s+(?:nerve\s+|n\.?\s+)?(?:blocks?|blk|injections?|RFA|radiofrequency|ablation|pulsed)\b/i;
const BLOCK_REACH = 40;

/** A nerve field's label right before the name: "Nerve: ", "Target nerve | ", "Nerve(s): left ". */
const NERVE_LABEL_BEFORE = /\b(?:nerves?(?:\(s\))?|n)(?:[ \t]{0,3}\([^()\n]{0,60}\))?[ \t]{0,20}(?::{1,3}|\|)[ \t]{0,20}(?:(?:\[[xX]\]|[☒☑])[ \t]{0,3})?(?:[A-Za-z]+[ \t]{1,3}){0,2}$/i;
const NERVE_LABEL_REACH = 60;

/** Whether the match lies in one of the sentences. */
const inSentences = (sentences: readonly Sentence[], match: Match) => sentences.some((sentence) => sentence.start <= match.span.start && match.span.end <= sentence.start + sentence.text.length);

/** The nerve of the procedure; of two in one session, the one the procedure statement names first, else the one most written. */
function nerveOf(sentences: readonly Sentence[], nerves: readonly Match[], titles: readonly Sentence[]): Fact<string> | null {
  const inTitle = (match: Match) => inSentences(titles, match);
  for (const candidates of [current(nerves), nerves.filter(isDiagnosis), nerves.filter(isPlanned), soleIndicated(nerves), placedBefore(sentences, nerves)]) {
    // A nerve named as a block's ("failed PT, duloxetine, suprascapular block") is a treatment's, when another is named.
    const notBlocked = candidates.filter((match) => !BLOCK_AFTER.test(textAfter(sentences, match, BLOCK_REACH)));
    const pool = notBlocked.length ? notBlocked : candidates;
    if (pool.length === 0) continue;
    const names = new Set(pool.map((match) => match.value));
    const canonical = pool.map((match) => ({ ...match, value: canonicalNerve(match.value, names) }));
    // A field that names the nerve ("Nerve: medial calcaneal", "| Nerve | Medial calcaneal |") names the procedure's, whatever the narrative passes on the way.
    const fielded = canonical.filter((match) => NERVE_LABEL_BEFORE.test(textBefore(sentences, match, NERVE_LABEL_REACH)));
    if (fielded.length && fielded.every((match) => match.value === fielded[0].value)) return fact(fielded[0].value, fielded);
    const titled = canonical.filter(inTitle);
    const value = titled.length ? titled.reduce((first, match) => (match.span.start < first.span.start ? match : first)).value : mostFrequent(canonical, canonical.map((match) => match.value))!;
    return fact(value, canonical.filter((match) => match.value === value));
  }
  return null;
}

/**
 * Both sides make a bilateral session when the note says so or places an array on each; otherwise
 * left and right contradict each other: a correction ("the correct laterality is RIGHT") settles it,
 * else the side written more often is kept and the conflict is recorded.
 */
function lateralityOf(sentences: readonly Sentence[], titles: readonly Sentence[], arrayCounts: readonly ArrayCount[], nerve: string | undefined, procedure: ProcedureKind | undefined, amended: InAddendum, codes: readonly CodeMention[], mentions: ConceptMention[], conflicts: DocumentationConflict[]): Fact<Laterality> | null {
  // A side the note itself calls wrong ('"identified on the right" is a dictation error') is no side; an addendum's settles.
  const read = record(mentions, 'laterality', findMatches(sentences, LATERALITY)).filter((match) => !sentenceSays(sentences, match, WITHDRAWN));
  const inAddendum = current(read).filter((match) => amended(match.span));
  const settled = inAddendum.length && inAddendum.every((match) => match.value === inAddendum[0].value) ? inAddendum : read;
  // A side told with another procedure of the session ("(b) L GON block (64405-LT)", "L GON: 3 mL bupivacaine") is that procedure's, when the note tells another.
  const ofImplant = settled.filter((match) => !saysNear(sentences, match, OTHER_PROCEDURE, 0, OTHER_PROCEDURE_REACH));
  const matches = ofImplant.length && ofImplant.length < settled.length && ofImplant.some((match) => match.status === 'affirmed') ? ofImplant : settled;
  // The procedure statement names the side of the procedure; a side told more often elsewhere may be another problem's ("new LEFT hip pain" in an E/M note).
  // A correction ("addendum: the correct side is LEFT") still settles it below.
  const titled = current(matches).filter((match) => inSentences(titles, match));
  const corrected = current(matches).some((match) => sentenceSays(sentences, match, CORRECTION));
  if (titled.length && !corrected && titled.every((match) => match.value === titled[0].value)) {
    const side = titled[0].value;
    const other = otherSite(sentences, titled, current(matches).filter((match) => match.value !== side && side !== 'bilateral' && match.value !== 'bilateral'), nerve);
    // The other side told elsewhere is still a contradiction for the coder to see (at information severity);
    // told more often than the procedure's own side ("RIGHT" in a copied title, "left" in the technique
    // and implant lines), no side is sure.
    if (other.length) conflicts.push({ topic: 'side', readings: [reading(side, titled), reading(other[0].value, other)] });
    const sameSide = current(matches).filter((match) => match.value === side);
    if (other.length > sameSide.length) return null;
    return fact(side, titled);
  }
  const sideOfPool = (told: readonly Match<Laterality>[]): Fact<Laterality> => {
    // Sides told of a body part the nerve does not serve, or of a separate problem ("a new, unrelated low back pain radiating to the right buttock"), do not count.
    const served = otherSite(sentences, [], told, nerve);
    const pool = served.length ? served : told;
    const of = (value: Laterality) => pool.filter((match) => match.value === value);
    const left = of('left');
    const right = of('right');
    // "bilateral hearing aids", "bilateral TKAs": both sides of another body part are no bilateral procedure.
    const bilateral = otherSite(sentences, [], of('bilateral'), nerve);
    if (bilateral.length || (left.length && right.length && (arrayCounts.some((entry) => entry.count >= 2) || countedOnEachSide(sentences, arrayCounts, pool)))) return fact('bilateral', pool);
    const value = left.length === right.length ? pool[0].value : left.length > right.length ? 'left' : 'right';
    if (left.length && right.length) {
      const corrected = new Set(pool.filter((match) => sentenceSays(sentences, match, CORRECTION)).map((match) => match.value));
      if (corrected.size === 1) return fact([...corrected][0], of([...corrected][0]));
      const other = otherSite(sentences, of(value), of(value === 'left' ? 'right' : 'left'), nerve);
      if (other.length) conflicts.push({ topic: 'side', readings: [reading('left', value === 'left' ? of('left') : other), reading('right', value === 'right' ? of('right') : other)] });
    }
    return fact(value, of(value));
  };
  for (const pool of [current(matches), matches.filter(isDiagnosis)]) if (pool.length) return sideOfPool(pool);
  // A removal or replacement tells the side with the device placed before: "the right sural nerve in 08/2025".
  // Or, for any procedure, the history tells the side with the nerve ("R medial knee ... saphenous"), unless the note leaves its own side option unchosen.
  const earlierDevice = procedure === 'removal' || procedure === 'revision' || procedure === 'replacement';
  const sideLeftOpen = matches.some((match) => match.status === 'unchosen');
  const ofNerve = nerve && (earlierDevice || !sideLeftOpen) ? matches.filter((match) => ((match.role === 'history' && match.status === 'affirmed') || match.status === 'historical') && match.value !== 'bilateral' && namesNerve(textAfter(sentences, match), nerve)) : [];
  if (ofNerve.length && ofNerve.every((match) => match.value === ofNerve[0].value)) return fact(ofNerve[0].value, ofNerve);
  // The side told once, with the pain the procedure treats ("left plantar neuropathic pain x 26 months") or a body part its nerve serves
  // ("Left posterior thigh and buttock crease pain" for the posterior femoral cutaneous nerve), when the note tells no other side.
  // Sides told of other body parts ("R total knee 2023" beside a heel implant) or only hoped for do not compete.
  const told = matches.filter((match) => match.status !== 'negated' && match.status !== 'other-experiencer' && match.status !== 'hypothetical');
  const servedParts = nerve ? NERVE_BODY_PARTS[nerve] ?? [] : [];
  const ofPain = sideLeftOpen || earlierDevice ? [] : told.filter((match) => (match.role === 'history' || match.status === 'historical') && match.value !== 'bilateral' && (PAIN_AFTER_SIDE.test(textAfter(sentences, match)) || servedParts.includes(bodyPartAfter(sentences, match) ?? '')));
  if (ofPain.length && otherSite(sentences, ofPain, told.filter((match) => match.value !== ofPain[0].value), nerve).length === 0) return fact(ofPain[0].value, ofPain);
  // Failing those, the planned procedure names the side (a procedure stopped before the array went in).
  const planned = matches.filter(isPlanned);
  if (planned.length) return sideOfPool(planned);
  // With no side in words, the diagnosis codes the note gives for it tell one ("G57.82 lesion of superficial peroneal nerve").
  return current(matches).length === 0 && !matches.some(isDiagnosis) ? sideOfDiagnosisCodes(codes) : null;
}

/** Another procedure right after a side: a nerve block or an injection, its drug, or its code. */
const OTHER_PROCEDURE = /^[^.;]{0,30}?\b(?:block|injection|injected|bupivacaine|ropivacaine|triamcinolone|dexamethasone|6440\d|6445\d|2061\d)\b/i;
const OTHER_PROCEDURE_REACH = 40;

/** The one side the note's ICD-10-CM codes carry (G57.82 left), or null when they carry none or disagree. */
function sideOfDiagnosisCodes(codes: readonly CodeMention[]): Fact<Laterality> | null {
  const sided = codes.filter((code) => code.system === 'icd10cm').map((code) => ({ code, side: lookupIcd10(code.code).laterality })).filter((entry): entry is { code: CodeMention; side: Laterality } => entry.side === 'left' || entry.side === 'right' || entry.side === 'bilateral');
  if (sided.length === 0 || sided.some((entry) => entry.side !== sided[0].side)) return null;
  return { value: sided[0].side, evidence: sided.map((entry) => ({ span: entry.code.span, status: 'affirmed' as const })) };
}

/** The pain a side is told of, a few words on: "left plantar neuropathic pain", "R knee pain", "right-sided intercostal neuralgia". */
const PAIN_AFTER_SIDE = /^[\s-]*(?:sided\s+)?(?:[a-z]+\s+){0,3}?(?:neuropathic\s+)?(?:pain|neuralgia|neuropathy|neuroma)\b/i;

/**
 * The sides of `other` that may be told of the procedure's site: not those of a body part the procedure's
 * side is never told with ("new L shoulder pain" beside a right ulnar implant is another problem, not a contradiction).
 */
function otherSite<T extends string>(sentences: readonly Sentence[], procedureSide: readonly Match[], other: readonly Match<T>[], nerve: string | undefined): Match<T>[] {
  const sites = new Set([...procedureSide.map((match) => bodyPartAfter(sentences, match)), ...(nerve ? NERVE_BODY_PARTS[nerve] ?? [] : [])]);
  sites.delete(undefined);
  // Neither the side nor the nerve tells the procedure's site: every other side may be of it.
  if (sites.size === 0) return [...other];
  return other.filter((match) => {
    // "seen for a separate complaint (new R knee pain)", "SEPARATE PROBLEM: new left hip pain": another problem's side, whatever its body part;
    // so is a side that is well ("right foot is asymptomatic now").
    if (sentenceSays(sentences, match, SEPARATE_PROBLEM) || SEPARATE_PROBLEM.test(labelBefore(sentences, match)) || sentenceSays(sentences, match, SYMPTOM_FREE)) return false;
    const part = bodyPartAfter(sentences, match);
    return part === undefined || sites.has(part);
  });
}

const SYMPTOM_FREE = /\basymptomatic\b|\(resolved\)/i;

/** The label sentence right before the match's sentence ("SEPARATE PROBLEM:"), or ''. */
function labelBefore(sentences: readonly Sentence[], match: Match): string {
  const index = sentences.findIndex((sentence) => sentence.start <= match.span.start && match.span.start < sentence.start + sentence.text.length);
  const previous = index > 0 ? sentences[index - 1].text : '';
  return previous.length <= MAX_LABEL_SENTENCE && previous.trimEnd().endsWith(':') ? previous : '';
}

const MAX_LABEL_SENTENCE = 60;

const SEPARATE_PROBLEM = /\b(?:separate|unrelated|different|new) (?:complaint|problem|issue|concern)\b|\bunrelated to (?:the|today's|this) (?:procedure|implant)\b|\bnew,? unrelated\b/i;

/** A body part named right after a side ("L shoulder", "left-sided radiating low back pain"), not a nerve or a device. */
function bodyPartAfter(sentences: readonly Sentence[], match: Match): string | undefined {
  const part = BODY_PART_AFTER.exec(textAfter(sentences, match));
  return part ? BODY_PART_OF[part[1].toLowerCase()] ?? part[1].toLowerCase() : undefined;
}

const BODY_PART_AFTER = /^[\s-]*(?:sided\s+)?(?:(?:new|acute|chronic|radiating|medial|lateral|anterior|posterior|lower|upper|low|superior|inferior)\s+){0,3}(shoulders?|hips?|groin|knees?|ankles?|foot|feet|hands?|wrists?|elbows?|arms?|forearms?|legs?|thighs?|calf|heels?|toes?|neck|back|buttocks?|flank|chest|breast|eyes?|ears?|face|jaw|head|hearing|cataracts?|TKAs?|THAs?)\b/i;
const BODY_PART_OF: Readonly<Record<string, string>> = { hearing: 'ear', cataract: 'eye', cataracts: 'eye', tka: 'knee', tkas: 'knee', tha: 'hip', thas: 'hip', feet: 'foot', shoulders: 'shoulder', hips: 'hip', knees: 'knee', ankles: 'ankle', hands: 'hand', wrists: 'wrist', elbows: 'elbow', arms: 'arm', forearms: 'forearm', legs: 'leg', thighs: 'thigh', heels: 'heel', toes: 'toe', buttocks: 'buttock', eyes: 'eye', ears: 'ear' };

/** Whether the text right after a side names the nerve ("right sural nerve", "L superficial peroneal n."). */
function namesNerve(after: string, nerve: string): boolean {
  const words = after.trimStart().toLowerCase().split(/[\s,]+/, 4).join(' ');
  return words.startsWith(nerve) || words.startsWith(`${nerve.split(' ').pop()} `);
}

const reading = (value: string, matches: readonly Match[]): ConflictReading => ({ value, evidence: evidenceOf(matches) });

/** A procedure dated right beside it before today ("device placed 03/2026", "In 06/2026 I placed an integrated stimulator") was done before. */
function datedEarlier(sentences: readonly Sentence[], match: Match, dateOfService: string | undefined, after: number): boolean {
  const service = dateOfService && /^(\d{4})-(\d{2})/.exec(dateOfService);
  if (!service) return false;
  const today = Number(service[1]) * 12 + Number(service[2]);
  // "placed here on January 8 2026": a date told with "on" or "in" after the placement, up to the clause's end.
  const onDate = ON_DATE.exec(textAfter(sentences, match, ON_DATE_REACH));
  const near = onDate ? `${textNear(sentences, match, DATE_BEFORE, after)} ${onDate[0]}` : textNear(sentences, match, DATE_BEFORE, after);
  for (const date of near.matchAll(NEAR_DATE)) {
    const month = date[1] ? Number(date[1]) : date[3] ? MONTHS.indexOf(date[3].slice(0, 3).toLowerCase()) + 1 : date[7] ? Number(date[7]) : 6;
    const year = Number(date[2] ?? date[4] ?? date[5] ?? date[6]);
    if (year * 12 + month < today) return true;
  }
  return false;
}

/** "here on January 8 2026", "at this site in 03/2026": a few words, then "on" or "in" and a date, before the clause ends. */
const ON_DATE = /^(?:[\t ]+[a-z]{1,8}){0,3}?[\t ]+(?:on|in)[\t ]+[^;.]{0,24}/i;
const ON_DATE_REACH = 64;
const DATE_BEFORE = 15;
const DATE_AFTER = 12;
/** A trial's date may stand in its parenthesis: "PNS trial (5 days, May 2026)". */
const TRIAL_DATE_AFTER = 25;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NEAR_DATE = /\b(?:(0?[1-9]|1[0-2])\/(?:\d{1,2}\/)?((?:19|20)\d{2})|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s{1,3}(?:\d{1,2}(?:st|nd|rd|th)?,?\s{1,3})?((?:19|20)\d{2})|(?:in|on)\s{1,3}((?:19|20)\d{2})|((?:19|20)\d{2})-(0[1-9]|1[0-2])(?:-\d{2})?)\b/gi;

function procedureOf(sentences: readonly Sentence[], titles: readonly Sentence[], arrayCounts: readonly ArrayCount[], discontinued: Fact<Discontinued> | null, dateOfService: string | undefined, mentions: ConceptMention[]): Fact<ProcedureKind> | null {
  const earlierTrials = findPattern(sentences, EARLIER_TRIAL);
  // "Permanent implant to be discussed if > 50% relief" is a plan, whatever the spelling hides from the triggers.
  // Near the word only: a run-on dictation tells today's permanent lead and next week's follow-up in one sentence.
  const permanent = current(findPattern(sentences, PERMANENT)).some((match) => !saysNear(sentences, match, PERMANENT_LATER, PERMANENT_LATER_BEFORE, PERMANENT_LATER_AFTER));
  // A trial told with its result ("his 7-day trial produced 60% relief") is over: it is not today's procedure.
  // Near the trial only: a run-on dictation tells a block's relief and a hoped-for result in the same sentence.
  // So is one told completed ("Percutaneous trial completed October 2026").
  const trialOver = (pool: readonly Sentence[], match: Match) =>
    saysNear(pool, match, NECESSITY.percentRelief, TRIAL_RESULT_BEFORE, TRIAL_RESULT_AFTER) || saysNear(pool, match, NECESSITY.painScores, TRIAL_RESULT_BEFORE, TRIAL_RESULT_AFTER) || TRIAL_COMPLETED.test(textAfter(pool, match));
  // "external stimulator pod on wristband" powers an integrated lead placed today; said of a trial it names the trial ("external trial stimulator").
  const integratedToday = current(findMatches(sentences, INTEGRATED)).some((match) => match.value === 'integrated');
  const powersIntegrated = (match: Match) => integratedToday && !TRIAL_WORDS.test(match.text);
  const matches = record(mentions, 'procedure', findMatches(sentences, PROCEDURE_KINDS)).filter(
    (match) =>
      !(match.value === 'trial' && (permanent || powersIntegrated(match) || trialOver(sentences, match) || TRIAL_REMOVED.test(textAfter(sentences, match)) || earlierTrials.some((trial) => trial.span.start <= match.span.start && match.span.end <= trial.span.end + 40))) &&
      // Taking out the trial leads before the permanent implant is part of the implant.
      !(match.value === 'removal' && (TRIAL_WORDS.test(match.text) || saysNear(sentences, match, TRIAL_WORD, TRIAL_REMOVAL_REACH, 0))) &&
      !datedEarlier(sentences, match, dateOfService, match.value === 'trial' ? TRIAL_DATE_AFTER : DATE_AFTER) &&
      // "the patient had a single integrated lead placed ... in February": a placement she had, before today.
      !(match.value === 'insertion' && saysNear(sentences, match, HAD_PLACED, HAD_REACH, 0) && !saysNear(sentences, match, TODAY, 0, HAD_REACH)),
  );
  const here = current(matches);
  const of = (value: ProcedureKind) => here.filter((match) => match.value === value);
  if (of('replacement').length) return fact('replacement', of('replacement'));
  // A removal beside an insertion replaces the device, unless what came out was an old conventional
  // system's ("old IPG ... removed", "retained conventional lead removed"): the new integrated one is an insertion.
  if (of('removal').length && of('insertion').length) {
    if (of('removal').every((match) => sentenceSays(sentences, match, CONVENTIONAL_SYSTEM))) return fact('insertion', of('insertion'));
    // A lead tried and pulled in this session ("That lead was removed and discarded") was never left in: one insertion.
    if (of('removal').every((match) => sentenceSays(sentences, match, DISCARDED))) return fact('insertion', of('insertion'));
    return fact('replacement', [...of('removal'), ...of('insertion')]);
  }
  // An array redirected or re-advanced while it is being placed is part of the insertion, not a revision.
  // Told of the device already there ("the same lead was withdrawn 2 cm and redirected"), it is a revision whatever else is placed.
  const revisions = of('insertion').length ? of('revision').filter((match) => !ADJUSTMENT.test(match.text) || DEVICE_ALREADY_THERE.test(match.text)) : of('revision');
  if (revisions.length) return fact('revision', revisions);
  // The procedure statement of a device meant to stay settles a trial told elsewhere ("[02/10/2026: temporary PNS trial lead placed ...]" copied forward
  // above "PROCEDURE TODAY: Percutaneous implantation of integrated ..."): its implant is today's.
  const stated = (value: ProcedureKind) => of(value).filter((match) => inSentences(titles, match));
  if (of('removal').length === 0 && stated('insertion').some((match) => !TRIAL_WORDS.test(match.text) && sentenceSays(sentences, match, PERMANENT_DEVICE)) && !stated('trial').length) return fact('insertion', of('insertion'));
  for (const value of ['removal', 'trial', 'insertion'] as const) {
    if (of(value).length) return fact(value, of(value));
  }
  // The procedure line often names the kind with a bare noun ("L axillary n. PNS implant, perc").
  const titled = current(findMatches(titles, PROCEDURE_TITLE_KINDS)).filter((match) => !(match.value === 'trial' && (permanent || trialOver(titles, match) || datedEarlier(titles, match, dateOfService, TRIAL_DATE_AFTER) || earlierTrials.some((trial) => trial.span.start <= match.span.start && match.span.end <= trial.span.end))));
  // The kind named beside the device wins over the device named alone ("Percutaneous integrated PNS ... - repositioning").
  const titledKind = PROCEDURE_TITLE_KINDS.map((kind) => kind.value).find((kind) => titled.some((match) => match.value === kind));
  if (titledKind) return fact(titledKind, titled.filter((match) => match.value === titledKind));
  // A terse note gives the arrays placed today and no verb ("L + R: 1 array each = 2 arrays total"): an insertion.
  if (arrayCounts.length) return fact('insertion', arrayCounts.map((entry) => entry.match));
  if (!discontinued) return null;
  // A procedure started and stopped is the one that was planned ("Procedure planned: PNS lead ... Procedure performed: ABORTED"),
  // and a stimulator procedure stopped without a word of its kind was the implant begun.
  const planned = [...matches, ...findMatches(titles, PROCEDURE_TITLE_KINDS)].filter(isPlanned);
  return planned.length ? fact(planned[0].value, planned.filter((match) => match.value === planned[0].value)) : { value: 'insertion', evidence: discontinued.evidence };
}

const TRIAL_COMPLETED = /^[\t ]*(?:was |were )?(?:completed|concluded|finished)\b/i;

/** The trial told just before a removal: "The trial was completed on 06/02 and that lead was removed that day." */
const TRIAL_WORD = /\b(?:trial|temporary|temp)\b/i;
const TRIAL_REMOVAL_REACH = 60;

/** The old system taken out was a conventional one: its generator or its own word. */
const CONVENTIONAL_SYSTEM = /\b(?:conventional|IPG|pulse generator|extension)\b/i;
/** A statement of a device meant to stay: an integrated system, a permanent one. */
const PERMANENT_DEVICE = /\b(?:integrated|integral|permanent)\b/i;
const TRIAL_WORDS = /\b(?:trial|trail|temporary|temp|test)\b/i;
const LEAD_OR_ARRAY = /\b(?:leads?|arr?ays?|electrodes?)\b/i;
const DISCARDED = /\b(?:discarded|wasted)\b/i;

/** How many times more often a separate generator must be told than the word "integrated" for the generator to settle the device. */
const SEPARATE_OUTWEIGHS = 3;

/** A permanent implant told as a later step: "to be discussed", "if > 50% relief", "will be scheduled". */
const PERMANENT_LATER_BEFORE = 60;
const PERMANENT_LATER_AFTER = 40;
const PERMANENT_LATER = /\b(?:to be|if|will|would|candidate for|consider\w*)\b/i;

/** Words of an array's adjustment during its placement ("the lead was redirected"). */
const ADJUSTMENT = /\b(?:redirected|readvanced|re-advanced|advanced back|retracted and readvanced)\b/i;
const DEVICE_ALREADY_THERE = /\b(?:same|existing|old|migrated|previously placed)\b/i;

/** "No imaging guidance was used" denies guidance; "no hardware problem on imaging" does not. */
const GUIDANCE_DENIED = /\bguid|\b(?:used|utilized|employed)\b/i;

function imagingOf(sentences: readonly Sentence[], mentions: ConceptMention[], conflicts: DocumentationConflict[]): NoteFacts['imaging'] {
  const modalities = record(mentions, 'imaging', findMatches(sentences, MODALITIES));
  // "No pneumothorax on post-procedure ultrasound": what was not seen is denied, the imaging that looked was used.
  const lookedWith = modalities.filter((match) => match.status === 'negated' && match.role === 'current' && SEEN_WITH.test(textBefore(sentences, match, SEEN_WITH_REACH)));
  // The anaesthetist's ultrasound-guided block for analgesia is another procedure's imaging.
  const documented = [...current(modalities).filter((match) => !sentenceSays(sentences, match, ANOTHER_TEAMS_BLOCK)), ...lookedWith];
  const looked = new Set<Match>(lookedWith);
  const generic = record(mentions, 'imaging', findPattern(sentences, GENERIC_IMAGING, 'imaging'));
  // "Ultrasound used by anesthesia: No" denies another team's imaging (the block's), not the implant's.
  const negated = [...modalities, ...generic].filter((match) => match.status === 'negated' && !looked.has(match) && (match.role === 'current' || match.role === 'increased') && !saysNear(sentences, match, BY_ANOTHER_TEAM, 0, BY_ANOTHER_TEAM_REACH));
  // A correction settles a modality: "Correction: fluoroscopy was NOT used for this case".
  const corrected = (match: Match) => sentenceSays(sentences, match, CORRECTION);
  const withdrawn = new Set(negated.filter(corrected).map((match) => match.value));
  const used = documented.filter((match) => !withdrawn.has(match.value));
  if (used.length) {
    const names = [...new Set(used.map((match) => match.value))] as Modality[];
    // "No fluoroscopy; ultrasound throughout" denies another modality: only imaging denied as a whole, or the one used, conflicts.
    const denied = negated.filter((match) => (match.value === 'imaging' ? GUIDANCE_DENIED.test(sentenceOf(sentences, match)?.text ?? '') : names.includes(match.value as Modality)));
    if (denied.length) conflicts.push({ topic: 'imaging', readings: [reading('used', used), reading('not used', denied)] });
    return { status: 'documented', modalities: names, evidence: evidenceOf(used) };
  }
  if (negated.length) return { status: 'negated', modalities: [], evidence: evidenceOf(negated) };
  return { status: 'absent', modalities: [], evidence: [] };
}

/** A block by another team, or for analgesia after surgery: "adductor canal block ... performed by anesthesia for postop analgesia". */
const ANOTHER_TEAMS_BLOCK = /\bblock\b(?:[^.;]|\.\d){0,200}?(?:\bby (?:the )?(?:anaesthe|anesthe|CRNA)\w*|\bfor post-?op\w* (?:analgesia|pain control))/i;

/** A finding's "on" or "by" just before the modality: "no pneumothorax on post-procedure ultrasound". */
const SEEN_WITH = /\b\w+ (?:on|by|at|under) (?:the )?(?:[\w-]+ )?$/i;
const SEEN_WITH_REACH = 40;

/** Another team named as who used it, right after the modality: "by anesthesia", "by the anaesthetist", "by nursing". */
const BY_ANOTHER_TEAM = /^[^.;|]{0,30}\bby (?:the )?(?:anaesthe|anesthe|CRNA|nurs)\w*/i;
const BY_ANOTHER_TEAM_REACH = 40;

interface ArrayCount {
  readonly match: Match;
  readonly count: number;
}

/** How far after a count its side may stand: "one lead left superior cluneal". */
const COUNT_SIDE_REACH = 40;

/** Whether arrays are counted side by side: "one lead left superior cluneal and one lead right superior cluneal". */
function countedOnEachSide(sentences: readonly Sentence[], counts: readonly ArrayCount[], sides: readonly Match<Laterality>[]): boolean {
  const sideAfter = (count: ArrayCount) => {
    const after = textAfter(sentences, count.match, COUNT_SIDE_REACH);
    return sides.find((side) => {
      const offset = side.span.start - count.match.span.end;
      return offset >= 0 && offset < after.length && !/[.;,]/.test(after.slice(0, offset));
    })?.value;
  };
  const told = new Set(counts.filter((count) => count.match.status === 'affirmed' && count.count === 1).map(sideAfter));
  return told.has('left') && told.has('right');
}

/** The numbers of arrays the account of this procedure gives: "2 arrays", "leads x2", "a second lead", "one on each side". */
function arrayCountsOf(sentences: readonly Sentence[]): ArrayCount[] {
  const counts = current([...findPattern(sentences, ARRAY_COUNT, 'count'), ...findPattern(sentences, ARRAY_TIMES, 'count')])
    .map((match) => ({ match, count: readCount(firstGroup(match) ?? '') }))
    .filter((entry): entry is { match: Match; count: number } => entry.count !== undefined && entry.count > 0 && entry.count <= 8)
    // "- Plan: 2 arrays" is what was intended, not placed.
    .filter((entry) => !sentenceSays(sentences, entry.match, PLAN_LABEL));
  // "Second array aborted, not placed": an array given up is not placed.
  // "The first lead was contaminated and discarded ... With the second lead ...": the second took the first one's place.
  const firstGivenUp = current(findPattern(sentences, FIRST_ARRAY_GIVEN_UP)).length > 0 ? 1 : 0;
  const ordinals = current(findPattern(sentences, ADDITIONAL_ARRAY, 'ordinal')).filter((match) => !sentenceSays(sentences, match, ARRAY_GIVEN_UP)).map((match) => {
    // "second array", "Array #3": the highest number placed is the count.
    const word = (firstGroup(match) ?? '').toLowerCase();
    return { match, count: (/^\d$/.test(word) ? Number(word) : word.startsWith('th') || word === '3rd' ? 3 : word.startsWith('fo') ? 4 : 2) - firstGivenUp };
  });
  const eachSide = current(findPattern(sentences, EACH_SIDE, 'each-side')).map((match) => ({ match, count: 2 }));
  return [...counts, ...ordinals, ...eachSide];
}

function arraysOf(sentences: readonly Sentence[], all: readonly ArrayCount[], procedure: Fact<ProcedureKind> | null, laterality: Fact<Laterality> | null, discontinued: boolean, amended: InAddendum, pagesMissing: boolean, mentions: ConceptMention[]): Fact<number> | null {
  if (!procedure || procedure.value === 'removal' || procedure.value === 'revision') return null;
  // "Two temporary percutaneous leads" were an earlier trial's, unless today's procedure is the trial.
  // "The header line 'ARRAYS PLACED: 2' is incorrect": a count the note itself withdraws.
  const placed = (procedure.value === 'trial' ? all : all.filter((entry) => !TRIAL_LEADS.test(entry.match.text))).filter((entry) => !sentenceSays(sentences, entry.match, WITHDRAWN));
  for (const entry of placed) mentions.push({ field: 'arrays', value: String(entry.count), span: entry.match.span, status: entry.match.status });
  if (placed.length) {
    // A count in a correction ("Correction: only ONE lead was placed") or an addendum settles the count,
    // and so does a final tally ("Final: one integrated array in place") after an array was swapped.
    const corrected = placed.filter((entry) => sentenceSays(sentences, entry.match, CORRECTION) || amended(entry.match.span));
    const final = placed.filter((entry) => sentenceSays(sentences, entry.match, FINAL_TALLY));
    const pool = corrected.length ? corrected : final.length ? final : placed;
    const max = pool.reduce((most, entry) => Math.max(most, entry.count), 0);
    // A bilateral session counted side by side ("one lead left ... and one lead right", "LEFT: one array
    // deployed" / "RIGHT: one array deployed") placed one array on each side.
    const affirmedCounts = pool.filter((entry) => entry.match.status === 'affirmed');
    if (max === 1 && laterality?.value === 'bilateral' && affirmedCounts.length >= 2 && !corrected.length && !final.length) return fact(2, affirmedCounts.map((entry) => entry.match));
    return fact(max, pool.filter((entry) => entry.count === max).map((entry) => entry.match));
  }
  // A procedure stopped places only the arrays it counts: none is inferred from the planned one;
  // nor from a fax whose other pages never came ("PAGES 002 AND 003 NOT RECEIVED"): the count may be on them.
  if (discontinued || pagesMissing) return null;
  if (laterality?.value === 'bilateral') return { value: 2, evidence: laterality.evidence };
  // "the array was deployed" counts one; "the arrays were deployed" leaves the number open.
  const placements = current(findMatches(sentences, PROCEDURE_KINDS));
  // A parenthesis describes the device, it does not count it: "Lead (electrodes + receiver in one implant) deployed"; "lead(s)" leaves the count open.
  const told = (match: Match) => match.text.replace(/\((?!s\))[^()]*\)/g, ' ');
  if (placements.some((match) => PLURAL_ARRAYS.test(told(match)))) return null;
  const singular = placements.filter((match) => SINGULAR_DEVICE.test(told(match)));
  return singular.length ? { value: 1, evidence: evidenceOf(singular) } : null;
}

const TRIAL_LEADS = /\b(?:temporary|trial)\b/i;
const WITHDRAWN = /\b(?:is|was) (?:incorrect|wrong|in error|not correct|an? (?:dictation |transcription |typographical )?error)\b|\berroneous(?:ly)?\b/i;
const PLAN_LABEL = /^[\s*•·-]*(?:plan(?:ned)?|goal|intended)\s*:/i;
const FINAL_TALLY = /^[\s*•·-]*(?:final|in place at the end|at the end of the case)\b|\b(?:placed|implanted|left in place|deployed) today\b|\bin place at (?:the )?end\b|\b(?:remains?|remaining) in place\b/i;

const PLURAL_ARRAYS = /\b(?:arrays|leads|micro-?leads|electrodes)\b|\b(?:array|lead|electrode)\(s\)/i;

const SINGULAR_DEVICE = /\b(?:arr?ay|lead|micro-?lead|electrode|stimulator|neurostimulator|device|implant|system)\b/i;

/** Whether a span lies in the note's addendum (from its first "ADDENDUM 09/24/2026 ...", "Late addendum:" on). */
type InAddendum = (span: Span) => boolean;

function addendumOf(sentences: readonly Sentence[]): InAddendum {
  const start = sentences.find((sentence) => ADDENDUM.test(sentence.text))?.start;
  return (span) => start !== undefined && span.start >= start;
}

const ADDENDUM = /^[\s*#>-]*(?:late\s+)?addend(?:um|a)\b/i;

/**
 * What the system is. An addendum that speaks to it is the surgeon's last word and settles it; a
 * "pulse generator" called external ("the pulse generator is the external wearable unit") is an
 * external stimulator: an integrated array's power, or a trial's stimulator.
 */
function integratedOf(sentences: readonly Sentence[], procedure: Fact<ProcedureKind> | null, discontinued: boolean, amended: InAddendum, mentions: ConceptMention[], conflicts: DocumentationConflict[]): Fact<boolean> | null {
  const read = record(mentions, 'integrated', findMatches(sentences, INTEGRATED)).map((match) =>
    match.value === 'separate-generator' && /generator/i.test(match.text) && saysNear(sentences, match, EXTERNAL_UNIT, EXTERNAL_BEFORE, EXTERNAL_AFTER) ? { ...match, value: 'external-stimulator' as const } : match,
  );
  // A generator taken out ("The IPG was delivered", "Explanted: IPG", "old IPG freed from pocket ... removed") was the old system's, not today's implant.
  // So was one told placed before and failed: "conventional lead + IPG (L calf pocket) placed 2024 - battery/lead failure 2026".
  const outgoing = read.filter((match) => match.value === 'separate-generator' && (sentenceSays(sentences, match, TAKEN_OUT) || sentenceSays(sentences, match, OLD_GENERATOR)));
  const kept = read.filter((match) => !outgoing.includes(match));
  const inAddendum = kept.filter((match) => amended(match.span));
  const matches = inAddendum.length ? inAddendum : kept;
  // A removal or revision works on a device placed before: the history says what it is; a procedure stopped, on the one planned.
  const earlier = procedure?.value === 'removal' || procedure?.value === 'revision';
  const pools = [
    matches.filter((match) => match.role === 'current' || match.role === 'increased'),
    earlier ? matches.filter((match) => match.role === 'history') : [],
    discontinued ? matches.filter(isPlanned) : [],
  ];
  for (const here of pools) {
    const said = (status: EvidenceStatus) => here.filter((match) => match.status === status || (status === 'affirmed' && ((earlier && match.status === 'historical') || (discontinued && match.status === 'hypothetical'))));
    const separate = said('affirmed').filter((match) => match.value === 'separate-generator');
    const integrated = [...said('affirmed').filter((match) => match.value === 'integrated'), ...said('negated').filter((match) => match.value === 'separate-generator')];
    const integratedWord = integrated.filter((match) => match.value === 'integrated');
    // One word "integrated" against a generator told three times over (pocket made, lead tunnelled, IPG connected) is a label, not a reading of its own.
    const outweighed = separate.length >= SEPARATE_OUTWEIGHS * integratedWord.length;
    if (separate.length && integratedWord.length && !outweighed && procedure?.value !== 'trial') conflicts.push({ topic: 'device', readings: [reading('integrated', integratedWord), reading('having a separate generator', separate)] });
    if (separate.length) return fact(false, separate);
    if (integrated.length) return fact(true, integrated);
    const powered = said('affirmed').filter((match) => match.value === 'external-power');
    if (powered.length) return fact(true, powered);
    // Without a word of an integrated system, an external stimulator is a trial's.
    const external = said('affirmed').filter((match) => match.value === 'external-stimulator');
    if (external.length) return fact(false, external);
  }
  return null;
}

const TAKEN_OUT = /\b(?:remov\w*|explant\w*|delivered|retrieved|withdrawn|previously implanted|depleted)\b/i;
const OLD_GENERATOR = /\b(?:placed|implanted) (?:in )?(?:19|20)\d{2}\b[^.;]{0,60}\bfail(?:ed|ure)\b/i;
const EXTERNAL_UNIT = /\b(?:external(?:ly)?|wearable|worn|on the skin|over the skin)\b/i;
const EXTERNAL_BEFORE = 20;
const EXTERNAL_AFTER = 40;

/** A procedure started and stopped, and whether anesthesia had been given by then (73 or 74 on a facility claim). */
function discontinuedOf(sentences: readonly Sentence[], mentions: ConceptMention[]): Fact<Discontinued> | null {
  const notCompleted = findPattern(sentences, NOT_COMPLETED, 'discontinued').filter((match) => (match.status === 'affirmed' || match.status === 'negated') && (match.role === 'current' || match.role === 'increased'));
  const stopped = [...current(findPattern(sentences, DISCONTINUED, 'discontinued')), ...notCompleted].sort((a, b) => a.span.start - b.span.start);
  record(mentions, 'discontinued', stopped);
  if (stopped.length === 0) return null;
  const before = stopped.some((match) => sentenceSays(sentences, match, BEFORE_ANESTHESIA));
  const value: Discontinued = before ? 'before-anesthesia' : current(findPattern(sentences, ANESTHESIA_GIVEN)).length ? 'after-anesthesia' : 'unspecified';
  return fact(value, stopped);
}

const IMPLANT_RECORD_ORDER: readonly ImplantRecordPart[] = ['manufacturer', 'model', 'lot-serial'];

/** Which parts of the implant record (manufacturer, model, lot/serial) the note gives for this procedure. */
function implantRecordOf(sentences: readonly Sentence[], mentions: ConceptMention[]): NoteFacts['implantRecord'] {
  const found = current(record(mentions, 'implantRecord', findMatches(sentences, IMPLANT_RECORD)));
  const parts = IMPLANT_RECORD_ORDER.filter((part) => found.some((match) => match.value === part));
  return { parts, evidence: evidenceOf(found) };
}

function testingOf(sentences: readonly Sentence[], mentions: ConceptMention[], conflicts: DocumentationConflict[]): NoteFacts['testing'] {
  const matches = record(mentions, 'testing', findPattern(sentences, TESTING, 'testing'));
  const documented = current(matches);
  const negated = matches.filter((match) => match.status === 'negated' && match.role !== 'history' && match.role !== 'plan');
  // "No response at 2 mA" before a response is testing that first failed; only "no testing was done" denies it.
  const deniedTesting = negated.filter((match) => /\btest/i.test(match.text));
  if (documented.length && deniedTesting.length) conflicts.push({ topic: 'testing', readings: [reading('done', documented), reading('not done', deniedTesting)] });
  if (documented.length) return { status: 'documented', evidence: evidenceOf(documented) };
  return negated.length ? { status: 'negated' as DocumentedStatus, evidence: evidenceOf(negated) } : { status: 'absent', evidence: [] };
}

/**
 * The starts of the sentence at `start` and of those after it in its paragraph, a few at most: a
 * request for modifier 22 gives its time and its reason in the sentences that follow it.
 */
function paragraphOn(text: string, sentences: readonly Sentence[], start: number): number[] {
  const index = sentences.findIndex((sentence) => sentence.start === start);
  if (index < 0) return [start];
  const starts = [start];
  for (let next = index + 1; next < sentences.length && next <= index + JUSTIFICATION_SENTENCES; next++) {
    const previous = sentences[next - 1];
    const end = previous.start + previous.text.length;
    if (sentences[next].start < end || sentences[next].role !== previous.role || PARAGRAPH_GAP.test(text.slice(end, sentences[next].start))) break;
    starts.push(sentences[next].start);
  }
  return starts;
}

const PARAGRAPH_GAP = /\n[ \t]*\n/;

/** How many sentences after a request for modifier 22 may hold its justification. */
const JUSTIFICATION_SENTENCES = 3;

/** Modifier 22 needs the extra time or effort against the typical case and the reason for it. */
function increasedServicesOf(text: string, sentences: readonly Sentence[], mentions: ConceptMention[]): NoteFacts['increasedServices'] {
  const section = sentences.filter((sentence) => sentence.role === 'increased');
  const elsewhere = sentences.filter((sentence) => sentence.role === 'current');
  const vague = current(findPattern([...section, ...elsewhere], INCREASED_SERVICES.vague, 'vague'));
  const candidates = new Set([...section.map((sentence) => sentence.start), ...vague.flatMap((match) => paragraphOn(text, elsewhere, sentenceStartOf(elsewhere, match)))]);
  const considered = sentences.filter((sentence) => candidates.has(sentence.start));
  if (considered.length === 0) return { status: 'absent', evidence: [] };
  const amounts = current(findPattern(considered, INCREASED_SERVICES.amount, 'amount'));
  const compared = amounts.filter((amount) => {
    const sentence = considered.find((candidate) => candidate.start <= amount.span.start && amount.span.end <= candidate.start + candidate.text.length)!;
    INCREASED_SERVICES.comparison.lastIndex = 0;
    return INCREASED_SERVICES.comparison.test(sentence.text);
  });
  // A sentence that gives the extra time names its reason too, whatever a trigger reads into it ("dissecting the fragment free of dense scar").
  const timed = new Set(compared.map((amount) => sentenceStartOf(considered, amount)));
  const reasons = findPattern(considered, INCREASED_SERVICES.reason, 'reason').filter((match) => match.status === 'affirmed' || (match.status === 'negated' && timed.has(sentenceStartOf(considered, match))));
  const evidence = [...vague, ...compared, ...reasons].sort((a, b) => a.span.start - b.span.start);
  if (evidence.length === 0 && section.every((sentence) => sentence.text.trim() === '' || isEmptyValue(sentence.text))) return { status: 'absent', evidence: [] };
  const status: IncreasedServicesStatus = compared.length && reasons.length ? 'quantified' : 'unquantified';
  const spans = evidence.length ? evidence : considered.map((sentence) => ({ span: { start: sentence.start, end: sentence.start + sentence.text.length }, status: 'affirmed' as const }));
  for (const match of spans) mentions.push({ field: 'increasedServices', value: status, span: match.span, status: match.status });
  const claimed = section.length > 0 || vague.some((match) => CLAIMS_INCREASED.test(match.text));
  return { status, evidence: spans.map((match) => ({ span: match.span, status: match.status })), claimed };
}

/** The words that ask for increased services, not only call the case hard. */
const CLAIMS_INCREASED = /\b(?:modifier|mod\.?)[- ]?22\b|\bincreased\b/i;

function sentenceStartOf(sentences: readonly Sentence[], match: Match): number {
  return sentences.find((sentence) => sentence.start <= match.span.start && match.span.start < sentence.start + sentence.text.length)?.start ?? -1;
}

/**
 * What a duration is told of: its clause up to it (from the nearest , ; : ( ) or line end) and the
 * three words after it ("PT x 8 wks", "twelve weeks of physical therapy", "a 10-day percutaneous trial").
 */
function durationContext(sentence: Sentence, match: Match, withTail: boolean): string {
  const from = match.span.start - sentence.start;
  const to = match.span.end - sentence.start;
  const before = sentence.text.slice(Math.max(0, from - CLAUSE_REACH), from);
  // A parenthesis is told of what comes before it: "trial 03/2026 (14 days)", "trial (left ilioinguinal, 8 days, ...)".
  const open = before.lastIndexOf('(');
  const cut = open >= 0 && open > before.lastIndexOf(')') ? lastClauseEnd(before.slice(0, open)) : lastClauseEnd(before);
  // A duration that is a field's whole value is told of the field: "Trial: 7 days, 70% relief".
  const label = cut >= 0 && before[cut] === ':' && before.slice(cut + 1).trim() === '' ? before.slice(0, cut) : '';
  const head = `${label.slice(lastClauseEnd(label) + 1)} ${before.slice(cut + 1)}`;
  if (!withTail) return `${head} ${match.text}`;
  const after = sentence.text.slice(to, to + CLAUSE_REACH);
  const end = after.search(/[,;:()]|\.(?:\s|$)/);
  const tail = (end < 0 ? after : after.slice(0, end)).split(/\s+/).slice(0, 4).join(' ');
  // "26 months before the trial" is the pain's length up to the trial, not the trial's.
  return UNTIL_EVENT.test(tail) ? `${head} ${match.text}` : `${head} ${match.text} ${tail}`;
}

const CLAUSE_REACH = 60;

const UNTIL_EVENT = /^\s*(?:before|prior to|preceding|until|leading up to)\b/i;

const lastClauseEnd = (text: string) => Math.max(...CLAUSE_ENDS.map((mark) => text.lastIndexOf(mark)));

/** The word before the match, past hedges ("for approximately 2.5 years" → "for"). */
function wordBefore(sentence: Sentence, match: Match): string {
  const before = sentence.text.slice(Math.max(0, match.span.start - sentence.start - 40), match.span.start - sentence.start).toLowerCase();
  // "blocks x2; 5 day trial": a token with digits is a word of its own, not the "x" of "x 5 days".
  const words = before.split(/[^a-z0-9]+/).filter(Boolean);
  while (words.length > 1 && HEDGES.has(words[words.length - 1])) words.pop();
  return words.pop() ?? '';
}

// "2.5 yrs post-op shoulder pain", "two and a half years of dorsal foot pain": a word or two of the pain's kind or place between, not a treatment's.
const PAIN_NEXT = /^\s{1,3}(?:of\s{1,3})?(?:(?!(?:pt|ot|therapy|physio\w*|trial|relief|blocks?|injections?|of|with|for|and|after|since|meds?|medications?)\b)[a-z/-]+\s{1,3}){0,2}?(?:pain|neuralgia|neuropathic pain|symptoms)\b/i;

const HEDGES: ReadonlySet<string> = new Set(['approximately', 'approx', 'about', 'around', 'roughly', 'nearly', 'almost', 'over', 'than', 'more', 'least', 'at', 'the', 'past', 'last', 'some']);
// A line break inside a sentence is a wrap of the dictation, not a clause end: a new line that starts
// a field, a list item or a template row is a sentence of its own already.
const CLAUSE_ENDS = [',', ';', ':', '(', ')'];

/** The pattern's alternatives capture their number in different groups. */
const firstGroup = (match: Match) => match.groups.find((group) => group !== undefined);

/** A fraction as its percent: "half" 50, "two-thirds" 67, "3/4" 75. */
const FRACTION_PERCENT: Readonly<Record<string, number>> = { 'six tenths': 60, 'seven tenths': 70, 'eight tenths': 80, 'nine tenths': 90, 'five tenths': 50, half: 50, 'one half': 50, 'a half': 50, '1/2': 50, 'two thirds': 67, '2/3': 67, 'three quarters': 75, 'three fourths': 75, '3/4': 75, 'one third': 33, 'a third': 33, '1/3': 33, '1/4': 25, '2/4': 50 };

const percentOf = (value: string | undefined): number | null => {
  const fraction = value === undefined ? undefined : FRACTION_PERCENT[value.toLowerCase().replace(/[-\s]+/g, ' ')];
  if (fraction !== undefined) return fraction;
  const number = value === undefined ? Number.NaN : readNumber(value);
  return Number.isFinite(number) && number >= 0 && number <= 100 ? number : null;
};

function necessityOf(sentences: readonly Sentence[], dateOfService: string | undefined, mentions: ConceptMention[]): NecessityFacts {
  // An assessment restates the history ("successful trial with 70% relief, proceed"): what it affirms counts too.
  const histories = sentences.filter((sentence) => sentence.role !== 'increased');
  const find = (pattern: RegExp) =>
    findPattern(histories, pattern, 'necessity').filter((match) => match.status === 'affirmed' || match.status === 'historical' || (isFigure(pattern) && figureStandsAlone(sentenceOf(histories, match)!, match)));
  const note = (matches: readonly Match[], value: (match: Match) => string) => {
    for (const match of matches) mentions.push({ field: 'necessity', value: value(match), span: match.span, status: match.status });
  };
  const sentenceFor = (match: Match) => sentenceOf(histories, match)!;

  // The pain has lasted at least as long as anything told of it: the longest duration that is not a treatment's, a trial's or a follow-up's.
  const durations = find(NECESSITY.duration)
    .filter((match) => {
      const before = wordBefore(sentenceFor(match), match);
      // "pain for 26 months following the repair", "groin pain 22 months post-op": after "for" or the pain itself, what follows the duration does not make it a follow-up's.
      // "after 18 mo pain", "12 months of neuralgia": told with the pain itself, whatever stands before it.
      if (PAIN_NEXT.test(textAfter([sentenceFor(match)], match))) return true;
      return !occursIn(durationContext(sentenceFor(match), match, !BEFORE_PAIN_DURATION.has(before)), NECESSITY.notPainDuration) && !BEFORE_NOT_PAIN_DURATION.has(before);
    })
    .map((match) => ({ match, months: (readDuration(match.text, dateOfService) ?? readSinceEvent(match.text, /^since$/i.test(match.text) ? textBefore(histories, match, SINCE_THEN_REACH) : toldBefore(histories, match), dateOfService))?.months }))
    .filter((entry): entry is { match: Match; months: number | null } => entry.months !== undefined);
  const known = durations.filter((entry) => entry.months !== null).map((entry) => entry.months!);
  for (const entry of durations) mentions.push({ field: 'necessity', value: entry.months === null ? 'pain duration (no number given)' : `pain duration ${entry.months} months`, span: entry.match.span, status: entry.match.status });
  const painDuration = durations.length ? { months: known.length ? Math.max(...known) : null, evidence: evidenceOf(durations.map((entry) => entry.match)) } : null;

  const care = find(NECESSITY.conservativeCare);
  note(care, (match) => match.text.toLowerCase());
  const treatments = care.filter((match) => !occursIn(match.text, NECESSITY.careCue)).map((match) => match.text.toLowerCase().replace(/\s+/g, ' '));
  const conservativeCare = care.length ? { treatments: [...new Set(treatments)], evidence: evidenceOf(care) } : null;

  const pathology = find(NECESSITY.objectivePathology);
  note(pathology, (match) => match.text);
  const objectivePathology = pathology.length ? fact(pathology[0].text, pathology) : null;

  const trialOutcome = trialOutcomeOf(find, sentenceFor, note);
  // A sentence that tells of the trial and of how it went, in words no outcome pattern read.
  const trialOutcomeUnread = trialOutcome === null && find(NECESSITY.trial).some((match) => occursIn(sentenceFor(match).text, NECESSITY.outcomeCue));
  const painDurationUnread = painDuration === null && find(NECESSITY.durationCue).length > 0;
  return { painDuration, conservativeCare, objectivePathology, trialOutcome, trialOutcomeUnread, painDurationUnread };
}

/**
 * Outcome figures are findings of their own: a negation or a condition in an earlier clause ("no
 * adverse events, 70% relief", "able to return to work and had 70% relief") is not theirs.
 */
const isFigure = (pattern: RegExp) => pattern === NECESSITY.percentRelief || pattern === NECESSITY.painScores || pattern === NECESSITY.analgesicReduction;

function figureStandsAlone(sentence: Sentence, match: Match): boolean {
  if (match.status !== 'negated' && match.status !== 'hypothetical') return false;
  const before = sentence.text.slice(0, match.span.start - sentence.start);
  const clause = before.slice(Math.max(lastClauseEnd(before), before.toLowerCase().lastIndexOf(' and ')) + 1);
  return !occursIn(clause, match.status === 'negated' ? NECESSITY.negation : NECESSITY.condition);
}

/** Percent relief (stated, or from pain scores before and after) and analgesic reduction, of the trial and not of a diagnostic block. */
function trialOutcomeOf(find: (pattern: RegExp) => Match[], sentenceFor: (match: Match) => Sentence, note: (matches: readonly Match[], value: (match: Match) => string) => void): TrialOutcome | null {
  // The figure's own stretch of the sentence (between semicolons) says whose it is; else the sentence does.
  const ofTrial = (match: Match) => {
    const sentence = sentenceFor(match);
    const at = match.span.start - sentence.start;
    const from = sentence.text.lastIndexOf(';', at) + 1;
    const to = sentence.text.indexOf(';', at);
    const stretch = sentence.text.slice(from, to < 0 ? undefined : to);
    if (occursIn(stretch, NECESSITY.trial)) return true;
    if (occursIn(stretch, NECESSITY.diagnosticProcedure)) return false;
    return occursIn(sentence.text, NECESSITY.trial) || !occursIn(sentence.text, NECESSITY.diagnosticProcedure);
  };
  const stated = find(NECESSITY.percentRelief).filter(ofTrial).map((match) => ({ match, percent: percentOf(firstGroup(match)) }));
  const scored = find(NECESSITY.painScores).filter(ofTrial).map((match) => {
    const [before, after] = match.groups.filter((group) => group !== undefined).map(readNumber);
    return { match, percent: before > 0 && before <= 10 && after <= before ? Math.round(((before - after) / before) * 100) : null };
  });
  // Headache days a month count up to 31: "HA days 20 -> 6/mo" is 70% fewer.
  const headacheDays = find(NECESSITY.headacheDays).filter(ofTrial).map((match) => {
    const [before, after] = match.groups.filter((group) => group !== undefined).map(Number);
    return { match, percent: before > 0 && before <= 31 && after <= before ? Math.round(((before - after) / before) * 100) : null };
  });
  const relief = [...stated, ...scored, ...headacheDays].filter((entry): entry is { match: Match; percent: number } => entry.percent !== null);
  const analgesic = find(NECESSITY.analgesicReduction).filter(ofTrial).map((match) => ({ match, percent: percentOf(firstGroup(match)) }))
    .filter((entry): entry is { match: Match; percent: number } => entry.percent !== null);
  if (relief.length === 0 && analgesic.length === 0) return null;
  for (const entry of relief) note([entry.match], () => `trial relief ${entry.percent}%`);
  for (const entry of analgesic) note([entry.match], () => `trial analgesic reduction ${entry.percent}%`);
  const evidence = [...relief, ...analgesic].map((entry) => entry.match).sort((a, b) => a.span.start - b.span.start);
  const days = trialDays(find, sentenceFor, evidence);
  return {
    percentRelief: relief.length ? Math.max(...relief.map((entry) => entry.percent)) : null,
    ...(analgesic.length ? { analgesicReductionPercent: Math.max(...analgesic.map((entry) => entry.percent)) } : {}),
    ...(days !== undefined ? { days } : {}),
    evidence: evidenceOf(evidence),
  };
}

/** The trial's length: a duration of a month or less in a sentence that tells the outcome. */
function trialDays(find: (pattern: RegExp) => Match[], sentenceFor: (match: Match) => Sentence, outcome: readonly Match[]): number | undefined {
  const outcomeSentences = new Set(outcome.map((match) => sentenceFor(match).start));
  for (const match of find(NECESSITY.duration)) {
    if (!outcomeSentences.has(sentenceFor(match).start)) continue;
    const days = readDays(match.text);
    if (days !== undefined && days <= 31) return days;
  }
  return undefined;
}

/** Adds matches to the hover list and passes them through. */
function record<T extends string>(mentions: ConceptMention[], field: ConceptMention['field'], matches: Match<T>[]): Match<T>[] {
  for (const match of matches) mentions.push({ field, value: match.value, span: match.span, status: match.status });
  return matches;
}

const NO_NECESSITY: NecessityFacts = { painDuration: null, conservativeCare: null, objectivePathology: null, trialOutcome: null, trialOutcomeUnread: false, painDurationUnread: false };

const NONE: Omit<NoteFacts, 'imaging' | 'testing' | 'increasedServices' | 'necessity' | 'conflicts' | 'nerveUnread' | 'imagingUnread' | 'lateralityUnread' | 'arraysUncounted' | 'mentions'> = {
  approach: null,
  target: null,
  nerve: null,
  laterality: null,
  procedure: null,
  arrays: null,
  integrated: null,
  discontinued: null,
  implantRecord: { parts: [], evidence: [] },
  codes: [],
};

/**
 * Whether the note can name a neurostimulator: one pass of the literal prefilter for the literals
 * every match of the pattern holds (far faster than the pattern itself, and most notes hold none);
 * only then is the pattern searched.
 */
const devicePrefilter = new LiteralPrefilter([NEUROSTIMULATION]);
/**
 * Whether the text names a neurostimulator: the pattern runs only on the lines around each of its
 * literals (the line before to the line after: a match holds a literal and stays within a line break
 * or two), not over the whole text.
 */
function* namesDevice(text: string): Steps<boolean> {
  for (let at = 0; at < text.length; ) {
    const hit = devicePrefilter.firstHit(text, at, text.length);
    if (hit < 0) return false;
    const from = Math.max(at, lineAt(text, lineAt(text, hit - 1).start - 1).start);
    const to = lineAt(text, lineAt(text, hit).end + 1).end;
    if (yield* occursInSteps(text, NEUROSTIMULATION, from, to)) return true;
    at = Math.max(to, hit);
  }
  return false;
}


/** Without a neurostimulator anywhere, only imaging and increased services are facts of the note. */
const OTHER_FACTS = [...MODALITIES.map((modality) => modality.pattern), GENERIC_IMAGING, INCREASED_SERVICES.vague];
const otherFactsPrefilter = new LiteralPrefilter(OTHER_FACTS);
/** One literal scan of the region, then only the patterns it leaves run. */
const mayHoldOtherFacts = (text: string, span: Span) => {
  const bits = otherFactsPrefilter.scan(text, span.start, span.end);
  return OTHER_FACTS.some((pattern) => LiteralPrefilter.has(bits, otherFactsPrefilter.idOf(pattern)) && occursIn(text, pattern, span.start, span.end));
};

/**
 * What the note documents for the procedure it describes; every fact with the text that supports it.
 * `memos` remembers the regions read (an editor's service keeps one; by default nothing is kept).
 */
export function extractFacts(model: DocumentModel, memos = new RegionMemos(NO_MEMO)): NoteFacts {
  return factsOf(model, finish(readNote(model, memos)));
}

/**
 * extractFacts in steps, for a caller that spreads the work over slices: the sentences are read, then
 * every concept family is matched in them ahead (a step per sentence), then the facts are derived
 * from those matches in one go. The same facts as extractFacts.
 */
export function* extractFactsInSteps(model: DocumentModel, memos: RegionMemos): Steps<NoteFacts> {
  const sentences = yield* readNote(model, memos);
  yield* matchAhead(sentences);
  return factsOf(model, sentences);
}

/** The sentences facts are read from: most notes are other surgery, and only the regions that can say something about them are read. */
function* readNote(model: DocumentModel, memos: RegionMemos): Steps<Sentence[]> {
  const text = textWithoutComments(model);
  const regions = regionsOf(model);
  const anyDevice = (yield* namesDevice(text)) || (text.includes('6459') && occursIn(text, DEVICE_CODE));
  const read = anyDevice ? regions : regions.filter((region) => region.role === 'increased' || mayHoldOtherFacts(text, region.span));
  return yield* readSentences(text, read, memos, model.tableCells);
}

/**
 * A note whose account of the procedure sits under its plan ("ASSESSMENT AND PLAN: 2. ... TODAY:
 * permanent integrated PNS ... one lead deployed"): with no stimulator in any current region but a
 * placement told as done in a plan one, the plan regions are read as the account.
 */
function withAccountInPlan(sentences: readonly Sentence[]): readonly Sentence[] {
  const stimulators = findPattern(sentences, NEUROSTIMULATION);
  // Most notes name no stimulator at all, or one in a current region: nothing more to look for.
  if (current(stimulators).length > 0 || !stimulators.some((match) => match.role === 'plan' && match.status === 'affirmed')) return sentences;
  const told = findMatches(sentences.filter((sentence) => sentence.role === 'plan'), PROCEDURE_KINDS).some((match) => match.status === 'affirmed' && DONE_PLACEMENT.test(match.text));
  return told ? sentences.map((sentence) => (sentence.role === 'plan' ? { ...sentence, role: 'current' } : sentence)) : sentences;
}

/** A placement told as done: "deployed", "was placed", "implanted". */
const DONE_PLACEMENT = /\b(?:deployed|placed|inserted|implanted)\b/i;

/** The header's date of service, or one the body states near its start ("PNS-2026-1123 dos 11/20/2026 Dr. ..."). */
function serviceDateOf(model: DocumentModel): string | undefined {
  const header = model.header.fields.find((field) => field.key === 'date')?.isoDate;
  if (header) return header;
  const body = model.text.slice(model.header.span.end, model.header.span.end + SERVICE_DATE_REACH);
  const stated = SERVICE_DATE_IN_BODY.exec(body);
  return stated ? parseServiceDate(stated[1]) : undefined;
}

const SERVICE_DATE_IN_BODY = /\b(?:DOS|date of (?:service|procedure|surgery|operation))\b[\t ]{0,3}[:#-]?[\t ]{0,3}(\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})\b/i;
/** How far into the body a stated date of service is looked for. */
const SERVICE_DATE_REACH = 2000;

function factsOf(model: DocumentModel, read: readonly Sentence[]): NoteFacts {
  const sentences = withAccountInPlan(read);
  const mentions: ConceptMention[] = [];
  const conflicts: DocumentationConflict[] = [];
  const imaging = imagingOf(sentences, mentions, conflicts);
  const increasedServices = increasedServicesOf(model.readText ?? model.text, sentences, mentions);
  const tools = findPattern(sentences, STIMULATOR_AS_TOOL);
  // A stimulator only planned, tried before, or used as a tool to find a nerve is no implant in this
  // note: stimulation testing and medical necessity are then not facts of it either.
  // A terse note may name the device only by its code ("CPT: 64596-LT").
  const stimulators = [...findPattern(sentences, NEUROSTIMULATION), ...findPattern(sentences, DEVICE_CODE)].filter((match) => !tools.some((tool) => tool.span.start <= match.span.start && match.span.end <= tool.span.end));
  // A removal or revision tells of a device placed before: the history names the stimulator, today's account only "the array".
  const earlierDevice = () =>
    stimulators.some((match) => ((match.role === 'history' || match.role === 'diagnosis') && match.status === 'affirmed') || match.status === 'historical') &&
    current(findMatches(sentences, PROCEDURE_KINDS)).some((match) => match.value === 'removal' || match.value === 'revision' || match.value === 'replacement');
  const discontinued = discontinuedOf(sentences, mentions);
  const abortedDevice = () => stimulators.some((match) => match.status !== 'other-experiencer') && discontinued !== null;
  // A note that never says "stimulator" still places one when it deploys a lead or an array at a nerve it
  // tests: "the array was then deployed ... the receiver built into it", "repeat stim at 0.8 mA was concordant".
  // Cheapest first (the patterns are prefiltered and memoised per sentence); such a note still names its receiver or its external power.
  const leadAtTestedNerve = () =>
    current(findPattern(sentences, TESTING, 'testing')).length > 0 &&
    current(findMatches(sentences, NERVES)).length > 0 &&
    current(findPattern(sentences, POWER_OR_RECEIVER)).length > 0 &&
    (current(findMatches(sentences, PROCEDURE_KINDS)).some((match) => match.value !== 'trial' && LEAD_OR_ARRAY.test(match.text)) || current(findPattern(sentences, ARRAY_COUNT)).length > 0);
  if (current(stimulators).length === 0 && !earlierDevice() && !abortedDevice() && !leadAtTestedNerve()) {
    return { ...NONE, imaging, testing: { status: 'absent', evidence: [] }, increasedServices, necessity: NO_NECESSITY, conflicts: [], nerveUnread: false, imagingUnread: false, lateralityUnread: false, arraysUncounted: false, mentions: sortMentions(mentions) };
  }
  const testing = testingOf(sentences, mentions, conflicts);
  const dateOfService = serviceDateOf(model);
  const necessity = necessityOf(sentences, dateOfService, mentions);
  const nerves = record(mentions, 'nerve', findMatches(sentences, NERVES));
  const targets = record(mentions, 'target', findMatches(sentences, TARGETS));
  const target = targetOf(sentences, targets, nerves);
  const titles = procedureLines(model, sentences);
  const nerve = target?.value === 'peripheral-nerve' || target === null ? nerveOf(sentences, nerves, titles) : null;
  // Spinal cord leads sit at the midline: a side is not a fact of that procedure.
  const arrayCounts = arrayCountsOf(sentences);
  const procedure = procedureOf(sentences, titles, arrayCounts, discontinued, dateOfService, mentions);
  // An addendum is the surgeon's last word: what it says of the side, the count or the device settles it.
  const amended = addendumOf(sentences);
  const laterality = target?.value === 'spinal-cord' ? null : lateralityOf(sentences, titles, arrayCounts, nerve?.value, procedure?.value, amended, model.codes, mentions, conflicts);
  const approach = approachOf(sentences, procedure, mentions, conflicts);
  const arrays = arraysOf(sentences, arrayCounts, procedure, laterality, discontinued !== null, amended, PAGES_MISSING.test(model.text), mentions);
  const integrated = integratedOf(sentences, procedure, discontinued !== null, amended, mentions, conflicts);
  // The patient's own bladder or bowel indication: not a relative's, not one denied.
  const bladder = findPattern(sentences, BLADDER_INDICATION).some((match) => match.status === 'affirmed' || match.status === 'historical');
  const implantRecord = implantRecordOf(sentences, mentions);
  const facts = { approach, target, nerve, laterality, procedure, imaging, arrays, integrated, testing, increasedServices, necessity, discontinued, implantRecord };
  const nerveUnread = nerve === null && current(findPattern(sentences, NAMED_NERVE)).length > 0;
  const imagingUnread = imaging.status === 'absent' && current(findPattern(sentences, GUIDANCE_CUE)).length > 0;
  const lateralityUnread = laterality === null && !conflicts.some((conflict) => conflict.topic === 'side') && findPattern(sentences, SIDE_CUE).some((match) => match.role !== 'history' && match.status !== 'other-experiencer' && match.status !== 'unchosen');
  const arraysUncounted = arrays === null && current(findMatches(sentences, PROCEDURE_KINDS)).some((match) => PLURAL_ARRAYS.test(match.text));
  return { ...facts, codes: supportedCodes(facts, bladder, oldSystemTakenOut(sentences, procedure, integrated)), conflicts, nerveUnread, imagingUnread, lateralityUnread, arraysUncounted, mentions: sortMentions(mentions) };
}

/**
 * What of an old conventional system today's integrated implant replaces was taken out in the same
 * session: its generator ("old IPG freed from pocket ... removed", "Explanted: IPG") and its array
 * ("the retained conventional lead ... removed intact"). Each is coded apart beside 64596.
 */
function oldSystemTakenOut(sentences: readonly Sentence[], procedure: Fact<ProcedureKind> | null, integrated: Fact<boolean> | null): RemovedSystem {
  if (integrated?.value !== true || (procedure?.value !== 'insertion' && procedure?.value !== 'replacement')) return NOTHING_REMOVED;
  const generator = current(findMatches(sentences, INTEGRATED)).some((match) => match.value === 'separate-generator' && sentenceSays(sentences, match, TAKEN_OUT));
  const conventional = generator || findMatches(sentences, INTEGRATED).some((match) => match.value === 'separate-generator' && (match.status === 'affirmed' || match.status === 'historical'));
  const array = conventional && sentences.some((sentence) => (sentence.role === 'current' || sentence.role === 'increased') && OLD_ARRAY.test(sentence.text) && TAKEN_OUT.test(sentence.text));
  return { generator, array };
}

/** The old system's array, told beside its removal: "old lead", "retained conventional lead", "the lead from 2021". */
const OLD_ARRAY = /\b(?:old|retained|previous(?:ly implanted)?|conventional|existing|prior)\b[^.;]{0,60}\b(?:lead|array|electrode)s?\b|\bIPG and (?:1|one|the|its) (?:lead|array|electrode)/i;

/** A faxed or scanned note that says pages of it are missing: "PAGES 002 AND 003 NOT RECEIVED", "page 3 of 3 NOT RECEIVED", "pages received: 2 of 3". */
const PAGES_MISSING = /\bpages?\b[^\n]{0,30}?\b(?:not received|missing|did not (?:come|transmit))\b|\bpages received:?[\t ]{0,3}(?:[12]|one|two) of (?:[3-9]|three|four|five)\b/i;

/** Sentences of the procedure section(s): the surgeon's own statement of what was done. */
function procedureLines(model: DocumentModel, sentences: readonly Sentence[]): Sentence[] {
  const spans = model.sections.filter((section) => section.id === 'procedure').map((section) => ({ start: textStart(section), end: section.bodySpan.end }));
  // Usually one span; a long document can have hundreds: with the spans in order and apart (section
  // bodies are), the only span that can hold a sentence is the last one starting before it.
  const ordered = spans.every((span, i) => i === 0 || spans[i - 1].end <= span.start);
  const inside = (at: number) => {
    if (!ordered) return spans.some((span) => span.start <= at && at < span.end);
    let low = 0;
    let high = spans.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (spans[mid].start <= at) low = mid;
      else high = mid - 1;
    }
    return spans.length > 0 && spans[low].start <= at && at < spans[low].end;
  };
  return sentences.filter((sentence) => inside(sentence.start));
}

function sortMentions(mentions: ConceptMention[]): ConceptMention[] {
  return mentions.sort((a, b) => a.span.start - b.span.start);
}
