/**
 * The concepts OpNote looks for in an operative note, as data: each is a regular expression over one
 * sentence (case-insensitive, built once) and the value it stands for. A new way of saying
 * something goes here, not into a rule.
 */
import { EVENT } from './durations';
import { buildPattern } from '../text/patterns';
import { COUNT_WORD } from './numbers';

export interface ConceptPattern<T extends string = string> {
  readonly value: T;
  readonly pattern: RegExp;
}

/** Spaces in a pattern match any run of whitespace, so a line wrap inside a phrase still matches. */
/** The value of a nerve field names a nerve without the noun: "Target nerve: Obturator", "| Target nerve | Iliohypogastric |", "two nerves (saphenous and ...)". */
const NERVE_FIELD = '(?<=\\b(?:nerves?(?:\\(s\\))?|n)(?:[ \\t]{0,3}[/&][ \\t]{0,3}(?:side|laterality|level|site|location))?(?:[ \\t]{0,3}\\([^()\\n]{0,60}\\))?[ \\t]{0,20}(?::{1,3}|\\||\\()[ \\t]{0,20}(?:(?:[☒☑]|\\[[xX]\\])[ \\t]{0,3})?(?:(?:the|left|right|lt|rt|l|r)[ \\t]{1,3})?(?:(?:medial|lateral|inferior|posterior)[ \\t]{1,3})?)';

/**
 * A name that needs its noun: "axillary nerve", "axillary nerves", "axillary n.", "femoral n, inguinal", "median n forearm", or one of a list
 * that ends in it ("the median, ulnar and radial nerves").
 */
const nerveNamed = (name: string) => `\\b${name}(?: (?:nerves?\\b|nn?\\.|n\\b(?![=.\\d-])|(?:neuralgia|neuropathy|neuritis|neuroma)\\b)|(?=(?:,? (?:and |or |& |\\+ )?[a-z]+){1,3} nerves\\b))|${NERVE_FIELD}${name}\\b`;

/**
 * Common misspellings of the key terms, read wherever a pattern names the word ("stimulater",
 * "electorde", "reciever"): each whole word of a pattern's source is widened to its misspellings.
 * A long word also takes its one-slip forms (see `slipsOf`); the forms listed are the others.
 */
const MISSPELLINGS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['stimulator', ['stirnulator']],
  ['stimulation', ['stirnulation']],
  ['electrode', []],
  ['receiver', ['rcvr']],
  ['transmitter', ['transmittor']],
  ['integrated', ['intergrated', 'integerated']],
  ['peripheral', ['periferal', 'peripherial']],
  ['right', ['rigth', 'rihgt']],
  ['left', ['letf', 'lfet', 'lft']],
  ['peroneal', ['perroneal', 'peronial']],
  ['tibial', ['tibeal']],
  ['placement', []],
  ['superficial', ['superfiscial']],
  ['generator', []],
  ['trial', ['trail', 'tiral']],
  ['greater', ['greator', 'grater']],
  ['temporary', ['temprary']],
  ['permanent', ['permenant']],
  ['implantation', ['implantion']],
  ['incision', ['insicion']],
  ['dissection', []],
  ['paddle', ['paddel', 'padle']],
  ['nerve', ['nerv', 'nevre', 'nrve']],
  ['common', ['comon']],
  ['fluoro', ['fluro', 'floro', 'flouro']],
  ['concordant', []],
  ['external', []],
  ['wearable', []],
  ['guidance', []],
  ['fluoroscopy', ['flouroscopy']],
  ['ultrasound', ['ultrasaund']],
  // Nerve names: "sciactic", "ulner", "saphenus".
  ['sciatic', ['sciactic']],
  ['saphenous', []],
  ['ilioinguinal', []],
  ['iliohypogastric', []],
  ['genitofemoral', []],
  ['suprascapular', []],
  ['occipital', []],
  ['cutaneous', []],
  ['intercostal', []],
  ['obturator', []],
  ['axillary', []],
  ['genicular', []],
  ['cluneal', []],
  ['pudendal', []],
  ['calcaneal', []],
  ['ulnar', ['ulner']],
];

/** Real words one slip from a key term, never read as it: "simulation" is no stimulation. */
const NOT_SLIPS: ReadonlySet<string> = new Set(['simulation', 'simulator', 'eternal']);
/** Words shorter than this take no generated slips: too many short words lie one letter from another. */
const MIN_SLIP_LENGTH = 7;
const VOWELS = 'aeiou';

/**
 * The forms a word takes with one slip of a typing hand after its first letter: a letter left out
 * before its last ("integrted"), two swapped ("flouroscopy"), a vowel for another ("integreted", "wearible").
 */
function slipsOf(word: string): string[] {
  if (word.length < MIN_SLIP_LENGTH) return [];
  const slips = new Set<string>();
  for (let at = 1; at < word.length; at++) {
    // Not the last letter left out: "stimulato" is the start of "stimulation", "integrate" a word of its own.
    if (at + 1 < word.length) slips.add(word.slice(0, at) + word.slice(at + 1));
    if (at + 1 < word.length && word[at] !== word[at + 1]) slips.add(word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2));
    if (VOWELS.includes(word[at])) for (const vowel of VOWELS) if (vowel !== word[at]) slips.add(word.slice(0, at) + vowel + word.slice(at + 1));
  }
  slips.delete(word);
  return [...slips].filter((slip) => !NOT_SLIPS.has(slip));
}

const formsOf = (word: string, listed: readonly string[]) => `(?:${[...new Set([word, ...listed, ...slipsOf(word)])].join('|')})`;
const FORMS: ReadonlyMap<string, string> = new Map(MISSPELLINGS.map(([word, listed]) => [word, formsOf(word, listed)]));
/** Every key word where it stands whole in a pattern's source (after a non-letter or a `\b`), found in one pass. */
const MISSPELT_WORD = buildPattern(`(?<=^|[^A-Za-z]|\\\\b)(?:${MISSPELLINGS.map(([word]) => word).join('|')})(?![A-Za-z])`, 'g');
const withMisspellings = (source: string) => source.replace(MISSPELT_WORD, (word) => FORMS.get(word)!);

const rx = (source: string) => buildPattern(withMisspellings(source).replace(/\[- \]/g, '[-\\s]').replace(/ /g, '\\s+'), 'gi');

/*
 * A pattern reads a text one way: no two quantifiers next to each other (or one inside another) may
 * match the same words, or a backtracking engine tries every way to split them, which is exponential
 * in a run-on sentence ("removal of the drapes and all of the ..."). test/robustness/pump.test.ts
 * pumps every pattern to keep it so. Word gaps are bounded, and what may stand before a gap is
 * never also one of its words:
 */

/** Up to `max` words, as few as the rest of the pattern needs. */
const words = (max: number) => `(?:\\w+ ){0,${max}}?`;

/** One of `alternatives` ("the|a") and a space when the text has it, else nothing; never both readings. */
const optional = (alternatives: string) => `(?:(?:${alternatives}) |(?!(?:${alternatives}) ))`;

/** Nouns that name the implanted thing (not the needle, not a pacemaker lead on its own). */
export const DEVICE_NOUN = '(?:electrode arrays?|arr?ays?|arrys?|leads?|micro-?leads?|lead electrodes?|paddle electrodes?|electrodes?|stimulators?|neurostimulators?|stimulation systems?|systems?|devices?|implants?|PNS)(?:\\(s\\))?';

/** A phrase in lower case or in capitals (the pattern it goes in tells "US" from the pronoun by case). */
const bothCases = (phrase: string) => `(?:${phrase}|${phrase.toUpperCase()})`;

export const MODALITIES: readonly ConceptPattern<'ultrasound' | 'fluoroscopy' | 'ct'>[] = [
  { value: 'ultrasound', pattern: rx('\\b(?:sonosite|butterfly iq|clarius|lumify|ultra[- ]?sound|ultrasound|ultrasund|ultrsound|ultasound|ultrasoud|ultrasonud|ultrasond|ultrasonograph(?:y|ic)|sonograph(?:y|ic)|sonographically|sono-?guided|u/s|USG|USS|US[- ]guid(?:ed|ance))\\b|\\bUS(?=:|\\s?(?:→|->|=>))|\\b(?:probe|transducer)\\b(?<=\\b(?:linear|curvilinear|high[- ]frequency|hockey[- ]stick|HFL\\d{0,3}|L\\d{2}) (?:array )?(?:probe|transducer))|\\bplane\\b(?<=\\b(?:in|out[- ]of)[- ]plane)|\\bMHz\\b(?<=\\b\\d{1,2}(?:\\s?[-–]\\s?\\d{1,2})?\\s?MHz)') },
  // Terse "under US", "US + fluoro", "- US -", "GON L + R. US.": upper case only, so the pronoun "us" is never imaging.
  { value: 'ultrasound', pattern: buildPattern(`\\bUS\\b(?:(?<=(?:\\b(?:under|with|using|via|and|or|by|on|w|[Uu]nder|[Ww]ith|[Uu]sing|[Oo]n|UNDER|WITH|USING|VIA|ON|BY)|\\b[Ww]/)\\s{1,3}US)|(?=\\s{0,3}(?:\\+|&|and|AND|or|OR)\\s{0,3}(?:[Ff]luoro|FLUORO))|(?<=(?:^|[-–,;:(+/|.]|\\d[.)]|\\d:\\d\\d)[ \\t]{0,3}US)(?=[ \\t]{0,3}(?:[-–,;.)+/|(✓✔→]|$))|(?<=(?:^|[-–,;:(+/|.]|\\d[.)]|\\d:\\d\\d)[ \\t]{0,3}US)(?=[ \\t]{1,3}(?:linear|curvilinear|at|of|showed|shows|identified|images?)\\b)|(?=[ \\t]{1,3}(?:(?:was )?used|located|localized|localised|identified|showed|visualized|visualised|confirmed|guided|over|probe|transducer|scan\\w*)\\b)` +
      // "US to confirm vessels", "US for depth", "FLUORO AND US USED TO TARGET", "then US (linear) to find": what the scanner did.
      `|(?=[ \\t]{1,3}(?:${bothCases('to (?:confirm|see|identify|visuali[sz]e|find|locate|map|guide|check|target|view|trace|mark)')}|${bothCases('for (?:depth|guidance|locali[sz]ation|visuali[sz]ation|vessels|targeting)')}|USED|GUIDED|LOCATED|IDENTIFIED|CONFIRMED)\\b|[ \\t]{0,3}\\((?:linear|curvilinear|high[- ]frequency|L\\d))|(?<=\\b(?:then|THEN)[ \\t]{1,3}US))`, 'gm') },
  { value: 'fluoroscopy', pattern: rx('\\b(?:fluoroscop(?:y|ic|ically)|flouroscop(?:y|ic|ically)|fluroscop(?:y|ic)|floroscop(?:y|ic)|fluoro|flouro|c-?arm|image intensifier)\\b') },
  // The scanner named by its use: "Prone on CT table", "Planning CT of the pelvis", "SOMATOM planning scan".
  { value: 'ct', pattern: rx('\\b(?:CT[- ](?:guid(?:ed|ance)|fluoroscopy)|computed tomograph(?:y|ic)(?: guidance)?|under CT|planning (?:CT|scan)|CT (?:table|gantry)|SOMATOM)\\b') },
];

/** Imaging named without a modality ("under image guidance"); only negations of it count. */
export const GENERIC_IMAGING = rx('\\b(?:imaging|image)[- ](?:guidance|guided)\\b|\\bimaging\\b');

/**
 * Words of an imaging device the modality patterns do not read ("the probe", "doppler", "sono
 * view"). "Under image guidance" names no modality: that is a sure gap, not one of these.
 */
/** A side word OpNote may not read as the procedure's side ("rt", "left" without its anatomy, "ipsilateral"); not "left in place". */
export const SIDE_CUE = rx('\\b(?:left|right|bilateral(?:ly)?|bilat|lt|rt|b/l|ipsilateral|contralateral)\\b(?! (?:in place|in situ|intact|alone|open|away|the room|home)\\b)');
export const GUIDANCE_CUE = rx('\\bprobe\\b|\\btransducer\\b|\\bscanning\\b|\\bdoppler\\b|\\bsono\\w*|\\becho\\w*|\\bC-arm\\b|\\bradiograph\\w*');

export const APPROACHES: readonly ConceptPattern<'percutaneous' | 'open'>[] = [
  { value: 'percutaneous', pattern: rx('\\bpercutaneous(?:ly)?\\b|\\bpercutan\\w*|\\bperc\\b|\\b(?:stab|nick) incision\\b|\\bskin nick\\b|\\b(?:withdrawn|removed|pulled|extracted|explanted|retrieved)(?: \\w+)? (?:with|by|using|under) (?:[\\w-]+ ){0,3}?traction\\b|\\b(?:through|via|at|from) the (?:original |previous |old |existing |skin )?(?:entry|exit) (?:site|point)\\b|\\b(?:entry|exit) site was (?:opened|enlarged)\\b|\\bintroducer(?: needle)?\\b|\\b(?:needle|introducer) was (?:advanced|inserted|placed)\\b') },
  {
    value: 'open',
    pattern: rx(
      '\\b\\d+(?:\\.\\d+)?[- ]?(?:cm|centimeter)s?[- ](?:long |longitudinal |transverse |vertical |horizontal |oblique |linear |skin )*incision\\b|\\bincision (?:of )?(?:about |approximately )?\\d+(?:\\.\\d+)?\\s?(?:cm|mm)\\b|\\bdissection (?:was )?(?:carried |continued )?(?:down )?(?:through|to) the\\b|\\bdissection through\\b|(?<=[,;(]\\s{0,2})open(?=\\s{0,2}(?:[,;)]|$))|\\bopen (?:approach|technique|exposure|implantation|placement|incision)\\b|\\b(?:nerve|fascia) was (?:exposed|identified and exposed|dissected)\\b|\\bexpos(?:ed|ure of) the (?:\\w+ ){0,3}nerve\\b|\\b(?:sharp|blunt) dissection\\b|\\bdissection was carried\\b|\\bcut-?down\\b|\\bretractors? (?:was|were) placed\\b|\\b(?<!(?:stab|nick|small|puncture|skin)\\s)incision was (?:made|carried)\\b',
    ),
  },
];

export const TARGETS: readonly ConceptPattern<'peripheral-nerve' | 'spinal-cord' | 'dorsal-root-ganglion' | 'sacral-nerve' | 'cranial-nerve' | 'brain' | 'other'>[] = [
  { value: 'brain', pattern: rx('\\bdeep brain stimulat\\w*|\\bDBS\\b|\\bsubthalamic\\b|\\bglobus pallidus\\b|\\bthalamic (?:stimulat|electrode)\\w*|\\bburr hole\\b') },
  { value: 'spinal-cord', pattern: rx('\\bspinal cord stimulat\\w*|\\bSCS\\b|\\bdorsal column\\b|\\bepidural (?:space|lead|electrode|stimulat\\w*)|\\bpaddle lead\\b|\\blaminotomy\\b') },
  { value: 'dorsal-root-ganglion', pattern: rx('\\bdorsal root ganglion\\b|\\bDRG (?:stimulat\\w*|leads?)|\\b[LTS]\\d{1,2} DRG\\b') },
  { value: 'sacral-nerve', pattern: rx('\\bsacral (?:nerve|neuromodulat\\w*|neurostimulat\\w*|foramen|root)|\\bS[234] (?:foramen|nerve|root)\\b|\\binterstim\\b') },
  { value: 'cranial-nerve', pattern: rx('\\b(?:vagus|vagal|hypoglossal|glossopharyngeal) nerve\\b|\\bcranial nerve (?:stimulat\\w*|electrode)') },
  // Field stimulation places leads under the skin of an area, on no named nerve.
  { value: 'other', pattern: rx('\\b(?:gastric|phrenic|diaphragm(?:atic)? pacing|carotid sinus|cardiac|pacemaker|defibrillator|cochlear|PNFS)\\b|\\bfield stimulat\\w*') },
  { value: 'peripheral-nerve', pattern: rx('\\bperipheral nerve\\b|\\bPNS\\b(?!-\\d)|\\bperipheral (?:neuro)?stimulat\\w*') },
];

/** Canonical peripheral nerve names and the ways notes write them. */
export const NERVES: readonly ConceptPattern[] = [
  { value: 'greater occipital', pattern: rx('\\bgreater occipi?ti?al\\b|\\bGON\\b') },
  { value: 'lesser occipital', pattern: rx('\\blesser occipi?ti?al\\b|\\bLON\\b') },
  { value: 'third occipital', pattern: rx('\\bthird occipi?ti?al\\b|\\bTON\\b') },
  { value: 'superficial peroneal', pattern: rx('\\b(?:superficial|sup\\.?) (?:peroneal|peronial|perneal|peronal|perioneal|fibular)\\b|\\bSPN\\b|\\bSP (?:nerve|n\\.)') },
  { value: 'deep peroneal', pattern: rx('\\bdeep (?:peroneal|peronial|perneal|peronal|perioneal|fibular)\\b|\\bDPN\\b') },
  { value: 'common peroneal', pattern: rx('\\bcommon (?:peroneal|peronial|perneal|peronal|perioneal|fibular)\\b') },
  { value: 'tibial', pattern: rx(`${nerveNamed('(?:posterior )?tibial')}|\\bPTN\\b`) },
  { value: 'sural', pattern: rx('\\bsural\\b') },
  { value: 'saphenous', pattern: rx(`${nerveNamed('saphen(?:o|ou)?us')}|\\binfrapatellar (?:branch|saphenous)\\b`) },
  { value: 'lateral femoral cutaneous', pattern: rx('\\blat(?:eral|\\.)? fem(?:oral|\\.)? cutaneous\\b|\\bLFCN\\b|\\bLFC (?:nerve\\b|n\\.)') },
  { value: 'posterior femoral cutaneous', pattern: rx('\\bpost(?:erior|\\.)? fem(?:oral|\\.)? cutaneous\\b|\\bPFCN\\b') },
  { value: 'femoral', pattern: rx(nerveNamed('femoral')) },
  { value: 'genitofemoral', pattern: rx('\\bgenitofemoral\\b') },
  { value: 'ilioinguinal', pattern: rx('\\bilioinguinal\\b|\\bill?io-?inguinal\\b|\\bIIN\\b|\\bII (?:nerves?\\b|n\\b)') },
  { value: 'iliohypogastric', pattern: rx('\\biliohypogastric\\b|\\bill?io-?hypogastric\\b|\\bIHN\\b|\\bIH (?:nerves?\\b|n\\b)') },
  { value: 'obturator', pattern: rx(nerveNamed('obturator')) },
  { value: 'pudendal', pattern: rx('\\bpudendal\\b') },
  { value: 'sciatic', pattern: rx('\\bsciatic\\b') },
  { value: 'medial plantar', pattern: rx('\\bmedial plantar\\b') },
  { value: 'lateral plantar', pattern: rx('\\blateral plantar\\b') },
  { value: 'calcaneal', pattern: rx(`${nerveNamed('calcaneal')}|\\bcalcaneal (?:branch(?:es)?\\b|br\\.|br\\b)`) },
  { value: 'genicular', pattern: rx('\\bgenicular\\b|\\bgenicul?ar\\b') },
  { value: 'superior cluneal', pattern: rx('\\b(?:superior |sup\\.? )?cluneal\\b|\\bSCN\\b') },
  { value: 'median', pattern: rx(nerveNamed('median')) },
  { value: 'ulnar', pattern: rx(nerveNamed('ulnar')) },
  { value: 'superficial radial', pattern: rx('\\b(?:superficial|sup\\.?) (?:(?:sensory )?branch of (?:the )?)?radial\\b|\\bSRN\\b') },
  { value: 'radial', pattern: rx(nerveNamed('radial')) },
  { value: 'axillary', pattern: rx(nerveNamed('axillary')) },
  { value: 'suprascapular', pattern: rx('\\bsuprascapular\\b|\\bsupra-?scapul?ar\\b|\\bSSN\\b') },
  { value: 'musculocutaneous', pattern: rx('\\bmusculocutaneous\\b') },
  { value: 'brachial plexus', pattern: rx('\\bbrachial plexus\\b') },
  { value: 'intercostal', pattern: rx(`${nerveNamed('intercostal')}|\\bintercostal T\\d{1,2}\\b|\\bT\\d{1,2}(?:[-/]T?\\d{1,2})? intercostal\\b`) },
  { value: 'medial branch', pattern: rx('\\bmedial branch(?:es)?(?: nerves?)?\\b') },
  { value: 'supraorbital', pattern: rx('\\bsupraorbital\\b') },
  { value: 'infraorbital', pattern: rx('\\binfraorbital\\b') },
  { value: 'auriculotemporal', pattern: rx('\\bauriculotemporal\\b') },
  { value: 'supratrochlear', pattern: rx('\\bsupratrochlear\\b') },
  // Bare names last: "superficial peroneal nerve" must not also count as "peroneal nerve".
  { value: 'occipital', pattern: rx(`${nerveNamed('occipital')}|${nerveNamed('occipi?ti?al')}`) },
  { value: 'peroneal', pattern: rx(nerveNamed('(?:peroneal|fibular)')) },
];

/** The body parts a nerve's pain is told of: a side told with another part ("new L shoulder pain" beside an ulnar implant) is another problem. */
const HEAD = ['head', 'neck', 'face', 'jaw', 'eye', 'ear'];
const LOWER_LEG = ['leg', 'calf', 'ankle', 'foot', 'heel', 'toe', 'knee'];
const ARM = ['arm', 'forearm', 'elbow', 'wrist', 'hand'];
export const NERVE_BODY_PARTS: Readonly<Record<string, readonly string[]>> = {
  'greater occipital': HEAD, 'lesser occipital': HEAD, 'third occipital': HEAD, occipital: HEAD, supraorbital: HEAD, infraorbital: HEAD, auriculotemporal: HEAD, supratrochlear: HEAD,
  'superficial peroneal': LOWER_LEG, 'deep peroneal': LOWER_LEG, 'common peroneal': LOWER_LEG, peroneal: LOWER_LEG, tibial: LOWER_LEG, sural: LOWER_LEG, saphenous: [...LOWER_LEG, 'thigh'],
  'medial plantar': LOWER_LEG, 'lateral plantar': LOWER_LEG, calcaneal: LOWER_LEG, genicular: ['knee', 'leg', 'thigh'],
  'lateral femoral cutaneous': ['thigh', 'leg', 'hip'], 'posterior femoral cutaneous': ['thigh', 'buttock', 'leg'], femoral: ['thigh', 'knee', 'leg', 'groin', 'hip'], sciatic: ['leg', 'thigh', 'buttock', 'foot', 'calf', 'knee', 'hip'],
  genitofemoral: ['groin', 'thigh'], ilioinguinal: ['groin', 'thigh'], iliohypogastric: ['groin', 'flank', 'back'], obturator: ['thigh', 'groin', 'hip', 'knee'], pudendal: ['buttock'],
  'superior cluneal': ['buttock', 'back', 'hip'], 'medial branch': ['back', 'neck'], intercostal: ['chest', 'breast', 'back', 'flank'],
  median: ARM, ulnar: ARM, 'superficial radial': ARM, radial: ARM, musculocutaneous: ARM, axillary: ['shoulder', 'arm'], suprascapular: ['shoulder', 'arm'], 'brachial plexus': ['shoulder', 'arm', ...ARM, 'neck'],
};

/** Some nerve by name, known to NERVES or not: "the lateral antebrachial cutaneous nerve", "digital n.". */
export const NAMED_NERVE = rx('\\b(?!(?:peripheral|the|a|an|target|this|that|each|same|intact|stimulated)\\b)[a-z]{4,} (?:nerves?\\b|n\\.)(?! stimulat)');

/**
 * Words after "left"/"right" that make it a side, not a verb ("left in place"). The side patterns read
 * them in a lookahead of their own, `(?=…(?:\w+[\s,]+){0,2}(?=ANATOMY\b))`: it matches alike, and V8,
 * which unrolls the `{0,2}`, then compiles the words (most of the pattern, with their slips) once
 * instead of three times (about 5 -> 2 ms per pattern at first use).
 */
const ANATOMY =
  '(?:side|sided|leg|foot|feet|ankle|knee|thigh|calf|heel|toe|hip|groin|buttock|gluteal|flank|arm|forearm|hand|wrist|elbow|shoulder|neck|tarsal|carpal|cubital|chest|abdominal|abdomen|pelvic|sole|finger|thumb|malleolus|axilla|temporal|auriculotemporal|supratrochlear|trigeminal|temple|forehead|brow|cheek|jaw|ear|mastoid|occiput|occipital|scalp|head|face|back|lumbar|inguinal|lower|upper|extremity|limb|posterior|anterior|(?:supero|infero|postero|antero)?(?:lateral|medial)|superior|inferior|proximal|distal|superficial|deep|common|greater|lesser|third|sural|saphenous|tibial|peroneal|fibular|femoral|median|ulnar|radial|sciatic|genicular|ilioinguinal|genitofemoral|suprascapular|axillary|plantar|dorsal|popliteal|cluneal|intercostal|supraorbital|infraorbital|brachial|pudendal|obturator|sacral|foramen|[STLC]\\d{1,2}|cutaneous|lat|med|fem|ant|post|sup|inf|occ|nerve|array|lead|electrode|GON|LON|TON|SPN|SSN|SRN|PTN|SCN|LFCN|LFC|PFCN|PNS)';

export const LATERALITY: readonly ConceptPattern<'left' | 'right' | 'bilateral'>[] = [
  { value: 'bilateral', pattern: rx('\\bbilateral(?:ly)?\\b|\\bbilat\\b|\\bB/L\\b|\\b(?:left|LT|L)\\s*(?:\\+|&|and)\\s*(?:right|RT|R)\\b(?!\\s*\\d)|\\b(?:right|RT|R)\\s*(?:\\+|&|and)\\s*(?:left|LT|L)\\b(?!\\s*\\d)|\\bboth (?:sides|legs|feet|ankles|knees|arms|hands|shoulders)\\b|\\b(?:on|for) (?:each|either|both) sides?\\b') },
  { value: 'left', pattern: rx(`\\b(?:LUE|LLE)\\b|\\b(?:left|LT)\\b(?<=[,;–—-][\\t\\x20]{0,3}(?:left|LT))(?=[\\t\\x20]*(?:[.;][\\t\\x20]*)?(?:\n|$)|[\\t\\x20]{1,3}[-–(])|\\bLT\\b(?<=\\b(?:6459[678]|64555|64575|64590)(?:-\\w{2})?-LT)|\\b(?:left|LT|L)\\b(?<=\\b(?:side|laterality)(?:[ \\t]{0,3}\\([^)\\n]{0,20}\\))?(?:[ \\t]{0,20}[:|]|\\s(?:is|was|should be))[^\\n]{0,40}(?:left|LT|L))|(?:\\b(?<!\\b(?:on|onto) (?:his|her|their|the) |\\b(?:rolled|turned|tilted|positioned) (?:to |on |onto |into )?(?:the |his |her )?)left(?:[- ]sided)?(?![\\s,]+(?:lateral )?decubitus)(?![\\s-]+hand(?:ed\\b|[\\s-]+dominan))(?![\\s,]+side (?:up|down)\\b)|(?<!\\bB/)\\b(?:LT|L)\\b(?! ?\\d)(?![\\s.,]+(?:lateral )?decubitus)(?![\\s,]+side (?:up|down)\\b))(?=[\\s,]+(?:\\w+[\\s,]+){0,2}(?=${ANATOMY}\\b))|\\b(?:on|to) the left\\b|\\bside:\\s*left\\b|\\((?:left|LT|L)\\)|\\bsinist(?:er|ra|rum)\\b|\\bsin\\.(?=\\s)|\\b(?:L|LT)\\)(?=[\\t\\x20]{1,3}[a-z])`) },
  { value: 'right', pattern: rx(`\\b(?:RUE|RLE)\\b|\\b(?:right|RT)\\b(?<=[,;–—-][\\t\\x20]{0,3}(?:right|RT))(?=[\\t\\x20]*(?:[.;][\\t\\x20]*)?(?:\n|$)|[\\t\\x20]{1,3}[-–(])|\\bRT\\b(?<=\\b(?:6459[678]|64555|64575|64590)(?:-\\w{2})?-RT)|\\b(?:right|RT|R)\\b(?<=\\b(?:side|laterality)(?:[ \\t]{0,3}\\([^)\\n]{0,20}\\))?(?:[ \\t]{0,20}[:|]|\\s(?:is|was|should be))[^\\n]{0,40}(?:right|RT|R))|(?:\\b(?<!\\b(?:on|onto) (?:his|her|their|the) |\\b(?:rolled|turned|tilted|positioned) (?:to |on |onto |into )?(?:the |his |her )?)right(?:[- ]sided)?(?![\\s,]+(?:lateral )?decubitus)(?![\\s-]+hand(?:ed\\b|[\\s-]+dominan))(?![\\s,]+side (?:up|down)\\b)|\\b(?:RT|R)\\b(?! ?\\d)(?![\\s.,]+(?:lateral )?decubitus)(?![\\s,]+side (?:up|down)\\b))(?=[\\s,]+(?:\\w+[\\s,]+){0,2}(?=${ANATOMY}\\b))|\\b(?:on|to) the right\\b|\\bside:\\s*right\\b|\\((?:right|RT|R)\\)|\\bdext(?:er|ra|rum)?\\b(?:\\.|(?=\\s|$))|\\b(?:R|RT)\\)(?=[\\t\\x20]{1,3}[a-z])`) },
];

/** A device of an earlier session, told by its state: "the old lead", "failed integrated array", "fractured lead". */
const OLD_DEVICE = '(?:old|failed|existing|prior|previous|retained|fractured|migrated|malfunctioning|infected)';
/** "Removal of the previously implanted left superficial peroneal nerve stimulator": words between "of" and the device. */
const REMOVAL_GAP = 10;

/** An aside between the device and its verb: "the array (receiver built in) was deployed", "the lead - receiver built in - was deployed", "the array which has its receiver built in was deployed". */
const ASIDE = '(?:\\s*\\([^()]{0,100}\\)|\\s+[-–—][^-–—()]{1,120}[-–—]|,\\s+(?:which|that|whose) [^,;.()]{1,120},|\\s+(?:which|that) (?:has|have|had|contains|includes|carries) [^,;.()\\s][^,;.()]{0,59}?)?';

/** A device log's row: the device, then its action after a column bar or a spaced dash ("| Integrated PNS lead | EXPLANTED intact |", "Array A - ... - IMPLANTED"). */
const loggedAs = (action: string) => `\\b${DEVICE_NOUN}\\b[^\\n]{0,100}?(?:\\||\\s[-–]\\s)\\s{0,3}${action}\\b`;

/** What a device is told with before its verb: "the array with its built-in receiver was deployed". */
const WITH_RECEIVER = '(?: (?:with|w/) (?:an? |its )?(?:(?:integrated|built-in|internal) )?(?:receiver|battery|electronics))?';

export const PROCEDURE_KINDS: readonly ConceptPattern<'insertion' | 'replacement' | 'revision' | 'removal' | 'trial'>[] = [
  { value: 'trial', pattern: rx(`\\b(?:trial|temporary|test) (?:${DEVICE_NOUN}|stimulation (?:lead|system|period))|\\b(?:percutaneous |PNS |stimulation |neurostimulat\\w* |stimulator )trial\\b|\\btrial (?:of|placement)\\b|\\bconnected to an external (?:trial )?(?:stimulator|pulse generator|generator)\\b|\\bexternal (?:trial )?(?:stimulator|pulse generator)\\b`) },
  { value: 'removal', pattern: rx(`\\b${DEVICE_NOUN} (?:removal|explant(?:ation)?)\\b|\\b(?:removal|explant(?:ation)?|extraction|retrieval) of ${words(REMOVAL_GAP)}${DEVICE_NOUN}|\\b${DEVICE_NOUN} (?:(?:was|were) (?:\\w+ )?)?(?:explanted|withdrawn (?:whole|intact|completely|in (?:its )?entirety|in one piece))\\b|\\b${DEVICE_NOUN} (?:was|were) (?:\\w+ )?(?:removed|extracted|retrieved|taken out|pulled out)\\b|\\b(?<!\\b(?:was|were|is|are|been) )(?:removed|explanted) the ${words(4)}${DEVICE_NOUN}|\\b(?<!\\b(?:was|were|is|are|been) )(?:removed|explanted) (?:an? )?${OLD_DEVICE} ${words(3)}${DEVICE_NOUN}|\\b${OLD_DEVICE} ${words(2)}${DEVICE_NOUN}\\b[^.;\\n]{0,60}?\\b(?:removed|explanted|extracted|pulled out|taken out)\\b|\\b(?:fractured|broken|infected|failed|malfunctioning|damaged) ${words(2)}${DEVICE_NOUN} (?:was|were) withdrawn\\b|${loggedAs('(?:explanted|removed|extracted|retrieved)')}` +
      // Terse, without its verb: "lead removed intact w gentle traction", "pns lead out today".
      `|\\b${DEVICE_NOUN} (?:removed|explanted|withdrawn|pulled|out)(?= (?:intact|whole|completely|in (?:its )?entirety|in one piece|today|w\\/?|with|by)\\b)`) },
  { value: 'revision', pattern: rx(`\\brevision (?:\\([\\w ]+\\) )?of ${optional('the|a')}${words(6)}${DEVICE_NOUN}|\\bfor (?:a |an |the )?(?:lead |array |stimulator |device )?revision\\b|\\b${DEVICE_NOUN} (?:was|were) (?:revised|repositioned|readvanced|re-advanced|redirected|advanced back)\\b|\\b${DEVICE_NOUN} (?:revised|readvanced|re-advanced|advanced back)\\b|\\b${DEVICE_NOUN} (?:(?:was|were) )?(?:retracted|withdrawn|pulled back)(?: partway| partially| slightly| \\d+(?:\\.\\d+)? ?cm)?(?: under [\\w-]+)?(?: and| →| ->| \\+| &|,)? (?:then )?(?:re-?advanced|repositioned|re-?anchored|redirected)\\b|\\brepositioning of (?:the |that |this )?(?:existing |migrated |old )?${words(3)}${DEVICE_NOUN}|\\b(?:revised|repositioned) the ${optional('previously (?:implanted|placed)')}${words(3)}${DEVICE_NOUN}|\\blead revision\\b|\\b(?:existing|old|migrated|same) (?:integrated )?(?:lead|array|electrode|device)\\b[^.;]{0,60}?\\b(?:repositioned|re[- ]?advanced|advanced back|advanced|redirected|pulled back|re-?anchored|re-?sited|freed and advanced|freed, advanced)\\b|\\b${DEVICE_NOUN} (?:(?:was|were) )?(?:retracted|withdrawn|pulled back)(?: \\d+(?:\\.\\d+)? ?cm)? back to (?:its|the) (?:original|intended|prior|previous|correct|planned) (?:position|location|site|depth)\\b|\\b(?:withdrawn|retracted|pulled back)\\b[^.;]{0,30}?\\bto its (?:original|intended|prior|previous|correct) (?:position|location|site|depth)\\b`) },
  { value: 'replacement', pattern: rx(`\\b${DEVICE_NOUN} (?:replacement|exchange)\\b|\\breplacement\\s*[-–:,]\\s*${optional('the|an?')}${words(4)}${DEVICE_NOUN}|\\breplacement of ${optional('the|an?')}${words(6)}${DEVICE_NOUN}|\\b${DEVICE_NOUN} (?:was|were) (?:replaced|exchanged)\\b|\\b(?:replaced|exchanged) the ${words(4)}${DEVICE_NOUN}|\\bexchange of ${optional('the')}${words(3)}${DEVICE_NOUN}`) },
  { value: 'insertion', pattern: rx(`\\b${DEVICE_NOUN} (?:placement|insertion|implantation|implant)\\b|\\b(?:put in|left) (?:one|a|an|the|\\d) ${words(3)}${DEVICE_NOUN}|(?<!\\b(?:was|were|not|no|never) )\\b${DEVICE_NOUN}(?: #?\\d)?(?:\\/(?:receiver|stimulator|electrode|array))?${WITH_RECEIVER}${ASIDE}(?:[\\t\\x20]x\\s?\\d)? (?:deployed|inserted|implanted|placed|laid)\\b|\\bnew (?:integrated |electrode |stimulator )*(?:array|lead)\\b|\\b(?:insertion|implantation|placement|implant) of ${words(6)}${DEVICE_NOUN}|\\b(?:insertion|implantation|placement) (?:integrated|permanent|new) ${words(2)}(?:PNS\\b|${DEVICE_NOUN})|\\b(?:insertion|implantation|placement) PNS\\b|\\b${DEVICE_NOUN}${WITH_RECEIVER}${ASIDE} (?:was|were) (?:then |subsequently |successfully )?(?:inserted|implanted|placed|deployed|positioned|advanced|introduced)\\b|\\b(?:inserted|implanted|placed|deployed|laid) ${words(6)}${DEVICE_NOUN}|\\b(?:array|lead) #?\\d:[^;\\n]{0,160}\\b(?:deployed|implanted|inserted)\\b|\\b(?:leads?|arrays?|electrodes?) (?:was |were )?(?:steered|threaded) into\\b|\\b(?:lead|electrode) (?:was )?tunnel(?:l)?ed\\b|${loggedAs('(?:implanted|inserted|deployed|placed)')}`) },
];

/** "two electrode arrays", "2 leads", "a single array", "first ... additional array". */
// "a"/"an" count arrays and leads only: "an integrated stimulator" says nothing about its arrays.
// A number after a hyphen or slash is a model name ("PX-8 octapolar lead"), not a count; one after a
// decimal point or before a unit is a measure ("at 0.7 milliamps the single array"); kits opened are not arrays placed.
export const ARRAY_COUNT = rx(
  `(?<![-/.:#])\\b(${COUNT_WORD})(?:(?<=\\d)x)?\\b(?:[\\t\\x20]\\(\\d\\)|[\\t\\x20]x(?=[\\t\\x20]))?(?! ?(?:mA|milliamps?|mm|cm|mL|cc|mg|V|volts?|Hz|hertz|ms|seconds?|minutes?|min|%|percent)\\b)(?: [\\w-]+){0,3}? (?:electrode arr?ays?|arr?ays?|leads?|micro-?leads?|lead electrodes?|(?<!\\ban? (?:[\\w-]+ ){0,3})stimulators?)\\b(?! (?:kits?|packs?|packages?|boxes|trays?)\\b)`,
);
/** "IMPLANTS: DRG leads x2", "array x 1", "Arrays placed: 1", a table row "| Arrays placed | 1 |", "Arrays placed: Left 1 / Right 1 (total 2)". */
export const ARRAY_TIMES = rx(`\\b(?:electrode arrays?|arrays?|leads?)\\b[^.;\\n]{0,40}?\\btotal(?: of)?:?\\s*(${COUNT_WORD})\\b|\\b(?:electrode arrays?|arrays?|leads?)[\\t\\x20]{0,3}=[\\t\\x20]{0,3}(${COUNT_WORD})\\b|\\b(?:electrode arrays?|arrays?|leads?):[^.;=\\n]{1,40}=[\\t\\x20]{0,3}(${COUNT_WORD})\\b|\\btotal (?:electrode )?(?:arrays?|leads?)(?: placed| implanted| deployed)?:? (${COUNT_WORD})\\b(?![/.]\\d)|\\((${COUNT_WORD}) total\\)|\\b(?:electrode arrays?|arrays?|leads?|micro-?leads?) x\\s*(\\d)\\b(?!\\s*(?:days?|d|wks?|weeks?|months?|mos?|h|hrs?|hours?)\\b)|\\b(?:electrode arrays?|arrays?|leads?|micro-?leads?)(?: placed| implanted| inserted| deployed| left in place| in place)?(?: today| this session)?(?:[\\t\\x20]{0,3}\\([^()\\n]{0,30}\\))?(?::{1,3}| \\|)\\s*(?:\\*\\*|__)?(?:x\\s?)?(${COUNT_WORD})\\b(?!-)`);
/** An array given up: "second array aborted, not placed", "the second array was abandoned". */
export const ARRAY_GIVEN_UP = rx('\\b(?:aborted|abandoned|not placed|not deployed|not inserted|deferred|unused|unopened|not used|wasted|discarded|dropped|cancell?ed|omitted|skipped|not needed|not required)\\b');
/** The first array given up before another was placed: "the first lead was contaminated before use and discarded". */
export const FIRST_ARRAY_GIVEN_UP = rx('\\bfirst (?:electrode )?(?:lead|array|electrode)\\b(?:,? [\\w-]+){0,16}? (?:contaminated|discarded|wasted|dropped|damaged|defective|malfunction\\w*|abandoned|withdrawn and discarded)\\b');
export const ADDITIONAL_ARRAY = rx('\\b(second|third|fourth|additional|another|2nd|3rd) (?:(?!electrode |planned |proposed |intended |possible |potential )\\w+ )?(?:electrode )?(?:array|lead|micro-?lead|electrode)\\b|\\b(?:array|lead|micro-?lead|electrode) (?:#|no\\.? ?|number )?([2-6])\\b(?=[\\t\\x20]{0,3}(?:(?:was |were )?(?:deployed|placed|inserted|implanted)\\b|[:(]|\\n|$)|[\\t\\x20](?:GON|LON|TON|SPN|DPN|SSN|LFCN|PFCN|SCN|SRN|IIN|IHN)\\b)');
// "L + R one array each": each of the two sides.
export const EACH_SIDE = rx('\\b(?:one|an?|1)(?: (?:integrated |electrode |permanent )?(?:array|lead|electrode|stimulator))? (?:(?:on|for|per) )?(?:each|either|ea\\.?) side\\b|\\b(?<=\\b(?:L|R|left|right) (?:\\+|&|and) (?:L|R|left|right),? )(?:one|1) (?:integrated |electrode )?(?:array|lead) each\\b');

/** A lead that carries its own receiver: "the lead has its own receiver", "lead which has its receiver built into it". */
const OWN_RECEIVER = '\\b(?:leads?|arrays?|electrodes?)(?:,? (?:which|that))? (?:has|have|with|contains?|carries|carry) (?:its|their|an?) (?:own |built-in |internal |integrated )?(?:receiver|rcvr)s?\\b|\\b(?:its |the )?(?:receiver|rcvr)s? (?:is|are) (?:part of|built into|inside|within) (?:the |each |its )?(?:lead|array|electrode)s?\\b';

export const INTEGRATED: readonly ConceptPattern<'integrated' | 'separate-generator' | 'external-power' | 'external-stimulator'>[] = [
  {
    value: 'integrated',
    pattern: rx(
      `\\bintegrated\\b|\\b(?:receiver|generator|battery|electronics)s? (?:is |are )?(?:built into|integrated (?:in|into|with)|contained (?:in|within)) the\\b|\\b(?:built-in|integral|embedded|on-?board) receiver\\b|\\b(?:receiver|rcvr)s? (?:is |are )?built[- ]in(?:to)?\\b|\\b(?:lead|array) \\+ receiver\\b|\\bbattery-?free\\b|\\bsingle[- ]component\\b|\\bself-contained\\b|\\bwireless(?:ly)? (?:powered|stimulator|neurostimulat\\w*|system)\\b|\\b(?:receiver|rcvr)s? (?:is |are )?(?:inside|in|within|on) (?:the |each |its )?(?:lead|array|electrode)s?\\b|\\b(?:receiver|rcvr)s? (?:is |are )?(?:integral|integrated) (?:to|with|in|into) (?:the |each )?(?:lead|array|electrode)s?\\b|\\ball-in-one\\b|${OWN_RECEIVER}`,
    ),
  },
  {
    value: 'separate-generator',
    pattern: rx(
      '\\b(?:implantable |internal )?pulse generator\\b|\\bIPG\\b|\\b(?:generator|battery|subcutaneous) pocket\\b|\\bpocket (?:(?:was|were) )?(?:created|fashioned|made|developed)\\b|\\b(?:connected|attached) (?:via|with|through|by) (?:an? )?extension\\b|\\b(?:receiver|generator|battery|IPG) (?:was )?placed in (?:the |a )?(?:subcutaneous )?pocket\\b|\\bextension (?:cable|lead|wire)s?\\b|\\btunnel(?:l?ed|l?ing) (?:to|toward) the (?:generator|pocket|battery)\\b',
    ),
  },
  // External power is an integrated array's, and also an implanted RF receiver's: integrated only when nothing is implanted apart.
  { value: 'external-power', pattern: rx('\\bexternal(?:ly)? (?:wearable )?(?:powered|transmitter|power source)\\b|\\bwearable (?:patch|transmitter|power unit|pod|controller)\\b') },
  // A trial's lead is cabled to an external stimulator; an integrated array's wearable is called one too ("external stimulator pods were paired"),
  // and a note of the permanent implant tells of the trial's ("the trial lead with an external trial stimulator").
  { value: 'external-stimulator', pattern: rx('\\bexternal (?:(?:trial|test) )?(?:stimulator|pulse generator|generator)\\b|\\b(?:ext\\.? )?trial stim(?:ulator)?\\b') },
];

export const TESTING = rx(
  // Stimulation told by its response or its current: "concordant tingling", "threshold 0.6 mA", "Stim: ...".
  '\\bpar[ae]{0,2}st?h?esi\\w*|\\bmilliamp(?:ere)?s?\\b|\\bconcordant\\b|\\btingling\\b|\\bstim(?:ulation)?\\s*:|\\bstimulated\\b|\\bthreshold\\b|\\bfelt (?:the )?stimulation\\b|\\b\\d(?:\\.\\d{1,2})?\\s*(?:mA|rnA)\\b|\\b(?:concordant|sensory|stimulation|paresthesia) coverage\\b|\\bcoverage (?:of|over) the (?:\\w+ ){0,3}?(?:area|distribution|territory|region)\\b|' +
  '\\b(?:intra-?operative |test |trial |sensory |motor )?stimulation (?:testing|test|(?:was )?(?:performed|delivered|applied|tested))\\b|\\btest(?:ing)? stimulation\\b|\\bparesthesias?\\b|\\b(?:sensory|motor) (?:response|threshold)s?\\b|\\bmotor (?:contraction|twitch)\\w*|\\bmuscle (?:twitch|contraction)\\w*|\\bimpedances?\\b|\\bstim(?:ulation)?\\b(?: [\\w.-]+){0,8}? (?:produced|reproduced|elicited|evoked|confirmed|captured|resulted in|gave)\\b|\\btest(?:ing)? stim\\b|\\bstim test(?:ing)?\\b|\\b(?:test|stim)(?:ing)?[\\t\\x20]{0,3}(?:[:|=][\\t\\x20]{0,3})?(?:\\+(?:ve)?(?=[\\s.,;]|$)|positive\\b|✓|✔)|\\b(?:was|were) tested\\b|\\bstim(?:ulation)? tested\\b|\\btested (?:ok|good|fine|well|positive)\\b',
);

/** Words that call a procedure hard, and what they may call hard. */
const HARD = '(?:difficult|challenging|complex|complicated|arduous|demanding)';
// Access to the nerve, not the anaesthetist's: "difficult IV access, 3 attempts" is no increased service.
const HARD_WHAT = '(?:case|procedure|placement|anatomy|access(?<!\\b(?:IV|intravenous|venous|vascular|line|arterial) access)|approach|dissection|positioning|localization|localisation|visualization|exposure|implant\\w*|insertion|navigation|lead placement|body habitus)';

/** A whole number from one to ninety-nine in words ("seventy-five", "forty"). */
const SPELLED_NUMBER = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)';

export const INCREASED_SERVICES = {
  /** Time or effort stated as an amount, with or without the comparison. */
  amount: rx(`\\b(?:\\d{1,3}|${SPELLED_NUMBER})\\s*(?:additional |extra |more |further )?(?:minutes?|mins?|hours?|hrs?)\\b|\\b\\d{1,3}\\s*%\\s*(?:longer|more|additional|above|over)\\b|\\b(?:twice|two times|three times|double|triple) (?:the |as long as )?(?:usual|typical|normal|average|expected)\\b|\\b(?:\\d+|two|three|four|five|six) (?:additional |separate )?(?:repositionings|repositions|passes|attempts)\\b`),
  // "(50 minutes more)" compares as "more than" does.
  comparison: rx('\\b(?:typical|usual|average|normal|routine|customary|standard|expected)\\b|\\b(?:additional|extra|longer|more than|beyond|exceed\\w*)\\b|\\b(?:minutes?|mins?|hours?|hrs?) more\\b'),
  reason: rx('\\bBMI\\b|\\bbody mass index\\b|\\b(?:morbid )?obes\\w+ (?:with|requiring|and) |\\bdepth\\b|\\bdeep(?:er)? (?:than|target|location)\\b|\\bscar\\w*\\b|\\badhesions?\\b|\\bfibros\\w+|\\banatom(?:y|ic|ical) (?:variant|variation|distortion)\\w*|\\baberrant\\b|\\b(?:distorted|abnormal|altered) anatomy\\b|\\brepositioning\\w*|\\breposition\\w* (?:the |was|were)|\\bprior (?:surgery|hardware|incisions?)\\b|\\bhardware\\b|\\bedema\\b|\\blymphedema\\b|\\bpoor (?:visualization|visibility)\\b'),
  // "Complex" and "complicated" say so of the procedure only: not of "narrow-complex tachycardia" or "complex regional pain syndrome".
  vague: rx(
    `\\b(?:${HARD}|prolonged|lengthy) (?:[\\w-]+ ){0,2}?${HARD_WHAT}\\b|\\b${HARD}\\b(?<=\\b(?:was|were|proved|became|is|made it|made the \\w+) (?:(?:very|extremely|quite|more|technically|particularly) )?${HARD})|\\bdifficulty\\b|\\btechnically demanding\\b|\\bunusual(?:ly)? (?:[\\w-]+ ){0,2}?${HARD_WHAT}\\b|\\bincreased (?:procedural )?(?:services|complexity|difficulty|time|effort)\\b|\\b(?:modifier|mod\\.?)[- ]?22\\b|\\btook (?:much )?longer\\b`,
  ),
};

/** A pain score of 0 to 10 in digits or words. */
const SCORE_WORD = '(\\d{1,2}(?:\\.\\d)?|zero|one|two|three|four|five|six|seven|eight|nine|ten)';
/** A number of days, weeks, months or years ("x 19 mo", "2.5 years", "19-month", "six weeks", "since 2023"); durations.ts reads the value. */
/** "a" after a count or a dose is a rate, not an amount of time: "4 tablets a day", "3 hours a day", "twice a week". */
const RATE_BEFORE = '(?<!(?:\\d|\\b(?:tabs?|tablets?|pills?|capsules?|caps|hours?|hrs?|times|mg|mcg|doses?|twice|once|thrice|sessions?|visits?|minutes?|mins?|units?|puffs?|packs?|drinks?|patch(?:es)?|injections?|meals?))\\s{1,3}an?)';
const AMOUNT = `(?:\\d{1,3}(?:\\.\\d{1,2})?|an?${RATE_BEFORE}|${SPELLED_NUMBER}|several|many|multiple|numerous)`;
// "rnonths": a scan's "rn" for "m".
const TIME_UNIT = '(?:days?|wks?|weeks?|mos?|months?|monthes|monts?|mths?|rnonths?|yrs?|years?|y)';
/** A season or part of a year before a year ("since spring 2023"). */
const SEASON = '(?:early|mid|late|spring|summer|fall|autumn|winter)';
/** A percentage in digits or words ("70", "seventy", "sixty-five"). */
const PERCENT_AMOUNT = '(\\d{1,3}|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one hundred|hundred))';
/** A share written as a fraction: "by half", "two-thirds less pain", "relief ~3/4" (extract.ts reads it as a percent). */
const FRACTION = '(half|one[- ]half|a[- ]half|two[- ]thirds|three[- ]quarters|three[- ]fourths|one[- ]third|a[- ]third|(?:five|six|seven|eight|nine)[- ]tenths|[123]/[234](?![/\\d]))';
/** "relief" and its common misspellings. */
const RELIEF_WORD = '(?:relief|relif|releif|reliefe|releaf)';
const RELIEF = `(?:${RELIEF_WORD}|reduction|improvement|decrease|better|response|benefit)`;
const MONTH_NAME = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

/** A word right before a duration that makes it the pain's whatever follows ("for 2 years after", "pain x 3 years despite therapy", "pain 22 months post-op"). */
export const BEFORE_PAIN_DURATION: ReadonlySet<string> = new Set(['for', 'x', 'of', 'pain', 'neuralgia', 'neuropathy', 'symptoms']);
/** A word right before a duration that makes it a time from now or a frequency ("in 2 weeks", "at 1 wk", "every 3 months"). */
export const BEFORE_NOT_PAIN_DURATION: ReadonlySet<string> = new Set(['in', 'at', 'within', 'after', 'every', 'per', 'q', 'until', 'clinic', 'review', 'recheck', 'appointment', 'appt', 'rtc']);

/** Pain medicines a trial may cut: "opioid", "oxycodone", "pain medication". */
/**
 * "PT" the physical therapy, not "Pt"/"pt" the patient ("Pt is a 44M", "pt tolerated well", "Pt with
 * L ulnar pain"): the patterns are case-blind, so the words after it tell which.
 */
const PHYSICAL_THERAPY = '\\bPT\\b(?![\\t\\x20]{1,3}(?:is|was|has|had|have|reports?|reported|states?|stated|tolerated|denies|denied|c/o|presents?|presented|with|w/|a|an|\\d{1,3}[\\t\\x20]?(?:y|yo|y/o|yrs?|years?|M|F)|seen|returns?|here|underwent|agreed|consented|counseled|counselled|educated|verbalized|verbalised|will|placed|positioned|prepped|brought|taken|discharged|ambulat\\w*|stable|received|requests?|wishes|wants|notes|describes|feels|elected|identified|awake|alert)\\b)';
const ANALGESIC = '(?:opioid|opiate|analgesic|medication|MME|narcotic|pain medication|pain pill|oxycodone|hydrocodone|morphine|tramadol|hydromorphone|tapentadol)';

/** Imaging that tells of the implant, not of the nerve: "x-ray shows the lead has migrated 2 cm", "MRI-conditional lead". */
const NOT_OF_DEVICE = '(?![^.;\\n]{0,60}\\b(?:arrays?|leads?|electrodes?|migrat\\w*|device|contacts?|tip|fragments?|impedance)\\b)';

export const NECESSITY = {
  duration: rx(`(?<=\\b(?:for|x|over|past|last|of|pain|neuralgia|symptoms|sx|hx)\\s{1,3})\\d{1,2}\\/(?:12|52|7)\\b(?![/\\d])|\\b\\d{1,2}\\/(?:12|52)(?=\\s(?:history|hx|duration)\\b)|(?<![\\d.])(?:\\b|(?<=\\bx))${AMOUNT}\\+?(?: and (?:a|one) half|\\s+1/2|\\s?½)?[- ]?${TIME_UNIT}\\b(?![- ]old)(?: and (?:a|one) half\\b)?|\\b(?:since|onset|began|started|beginning|dated from|dating from)(?:[\\t\\x20]{0,3}[:|=])? (?:[\\w/(),-]+ ){0,9}?\\(?(?:${SEASON} )?(?:${MONTH_NAME} (?:\\d{1,2}(?:st|nd|rd|th)?,? )?|\\d{1,2}/(?:\\d{1,2}/)?|\\d{1,2}\\.(?:\\d{1,2}\\.)?)?(?:19|20)\\d{2}\\b|\\bsince (?:(?:the|his|her|their|that) )?(?:[\\w-]+ ){0,2}?${EVENT}\\b|\\b(?:began|started)\\b[^.;]{0,30}?\\bafter (?:(?:the|his|her|their) )?(?:[\\w-]+ ){0,2}?${EVENT}\\b` +
    `|\\b\\d{1,2}/(?:\\d{1,2}/)?(?:19|20)\\d{2}[\\t\\x20]{0,3}(?:onset|began|started)\\b|\\b(?:19|20)\\d{2}-(?:0?[1-9]|1[0-2])\\b(?!-\\d)[^\\n.;→]{0,40}?\\b(?:starts|started|began|begins|onset)\\b` +
    // "R thoracotomy 02/2025 → R chest wall pain since": since the date told before it.
    `|(?<=\\b(?:pain|symptoms|neuralgia|burning|numbness)\\b[^.;\\n]{0,40})\\bsince(?=[\\t\\x20]*(?:$|[.;,)\\n]))`),
  /** Words that make a duration a treatment's, a trial's or a follow-up's, not the pain's ("PT x 8 wks", "7-day trial", "one week ago"). */
  notPainDuration: rx(`\\b(?:trial|relief|temporary|test|period(?!\\s+of\\b)|${PHYSICAL_THERAPY}|OT|therapy|RFA?|radiofrequency|ablation|therapies|rehab\\w*|program|visits?|sessions?|course|(?<!\\b(?:began|started|start|onset|since|dated from|(?:pain|neuralgia|neuropathy|symptoms) (?:after|following|from)|injury|injured|accident|fall|trauma|fracture|repair|release|surgery|arthroplasty|TKA|THA|ORIF|amputation|dislocation)\\b[^,;]{0,80})ago|later|follow(?:ing|-?up)?|f/u|return|check|post-?op\\w*|(?<=\\b(?:mg|mcg|tabs?|tablets?|capsules?|doses?|taken|PT|therapy|exercises?)[\\t\\x20]{1,3})daily|lasting)\\b`),
  conservativeCare: rx(`\\bfail(?:ed|ure of)\\b|\\bconservative (?:care|management|treatment|therapy)\\b|\\bphysical therapy\\b|${PHYSICAL_THERAPY}|\\b(?:gabapentin|pregabalin|duloxetine|amitriptyline|nortriptyline|NSAIDs?|opioids?|medications?|lidocaine|carbamazepine|topiramate)\\b|\\b(?:nerve )?blocks?\\b|\\binjections?\\b|\\brefractory\\b|\\bdespite\\b|\\bwithout (?:lasting |durable |adequate )?(?:relief|benefit)\\b|\\b(?:not|never) (?:responded|respond|improved|improve) (?:to|with)\\b|\\bno (?:lasting |durable )?(?:relief|benefit) (?:from|with)\\b|\\btried and failed\\b`),
  /**
   * Tests and findings that show the nerve is the pain generator: electrodiagnostics, imaging, a
   * neuroma, and a diagnostic block: one called so, or one whose result is told in its clause ("SSN
   * block 80%", "GON blocks x4 (80% x 1 wk)"). A block only listed among failed treatments is care.
   */
  objectivePathology: rx(
    `\\bEMG\\b|\\bNCS\\b|\\bnerve conduction\\b|\\belectromyograph\\w*|\\belectrodiagnostic\\b|\\b(?:MRI|radiographs?|x-?rays?)\\b${NOT_OF_DEVICE}|\\bKellgren\\b|\\bCT (?:scan|showed|shows|demonstrat\\w*)\\b|\\bn(?:eu|ue)romas?\\b|\\b(?:ultrasound|US|sonograph\\w*|imaging|MRI|CT|x-?rays?) (?:showed|shows|demonstrat\\w*|reveal\\w*)\\b${NOT_OF_DEVICE}|\\b(?:diagnostic|dx)\\b(?: [\\w/-]+){0,4}? (?:blocks?|blks?|blcoks?)\\b|\\b(?:blocks?|blks?)\\b(?: x\\s?\\d)?[\\t\\x20]{0,3}(?:\\+(?:ve)?(?=[\\s.,;)]|$)|\\((?:diagnostic|dx)\\)|(?:were |was )?(?:diagnostic|confirm\\w*)\\b)|\\b(?:blocks?|blks?)\\b,? (?:which|that) confirmed\\b|\\b(?:blocks?|blks?|blcoks?)\\b(?:(?!\\btrial\\b)[^;]){0,60}?(?:\\b(?:${RELIEF_WORD}|positive|abolished|eliminated|resolved)\\b|\\d\\s*%|\\b\\d{1,2}\\s?/\\s?10\\s?(?:to|->|→)\\s?\\d|\\b(?:NRS|VAS)\\s?\\d{1,2}\\s?(?:to|->|→)\\s?\\d)(?!\\s*(?:${RELIEF_WORD}\\s+)?trial\\b)|\\b${RELIEF_WORD}\\b (?:from|with|after|following) (?:(?:the|each|both|his|her|two|three|\\d|[\\w-]+) ){0,5}?(?:nerve )?(?:blocks?|blks?)\\b|\\bsensory (?:nerve action potential|response)\\b`,
  ),
  /** Words of the care pattern that say the care failed rather than name a treatment ("failed", "despite", "not responded to"). */
  careCue: rx('^(?:fail\\w*|despite|refractory|without|not|never|no|tried)\\b'),
  /** "70% relief", "relief of 70 percent". */
  percentRelief: rx(
    `\\b${PERCENT_AMOUNT}\\s*(?:%|percent|per cent|pct)\\)?\\s*(?:(?:average|mean|overall|sustained|consistent) )?(?:pain )?${RELIEF}\\b(?!\\s+(?:in|of)\\s+(?:\\w+\\s+)?${ANALGESIC}s?\\b)` +
      // A table or field labelled with the unit: "| Trial relief (%) | 70 |", "Relief (%): 65".
      `|\\b${RELIEF_WORD}[\\t\\x20]{0,3}\\((?:%|percent)\\)[\\t\\x20]{0,30}[:|][\\t\\x20]{0,30}(\\d{1,3})\\b` +
      // "headache days reduced by 55%".
      `|\\b(?:headache|migraine|pain|attack) days (?:were )?(?:reduced|decreased|fell|dropped|cut) by (?:about |approximately |~)?${PERCENT_AMOUNT}\\s*(?:%|percent|per cent)` +
      // "75% fewer headache days": a headache trial's outcome; "50% less pain".
      `|\\b${PERCENT_AMOUNT}\\s*(?:%|percent|per cent) (?:less|lower) pain\\b` +
      // Shorthand: "70% ↓ pain", "60% ↓".
      `|\\b${PERCENT_AMOUNT}\\s*(?:%|percent|per cent)\\s*↓` +
      // Terse: "trial 70%", "Trial 1/2026: ~60% both sides", "PNS trial 6/26 x 7d: 60%", "70% trial", "65% of relief".
      `|\\b(?:trial|trail)\\b(?:[^.;%\\n]{0,30}?[\\s:(~>≥])?(\\d{1,3})\\s*(?:%|percent\\b|per cent\\b)(?!\\s*(?:(?:reduction|decrease|drop|less|fewer)\\s+(?:in|of)\\s+)?(?:(?:his|her|their|the)\\s+)?(?:\\w+\\s+)?${ANALGESIC}s?\\b)` +
      `|\\b(\\d{1,3})\\s*%\\s*(?:of\\s+)?(?:trial|${RELIEF_WORD})\\b` +
      // A form's "Trial relief (%): 70", "| Trial relief (%) | 70 |".
      `|\\btrial ${RELIEF_WORD}\\b[^\\n|:]{0,12}[|:]\\s*(\\d{1,3})\\b(?!\\s*(?:days?|d\\b|mA))` +
      `|\\b${PERCENT_AMOUNT}\\s*(?:%|percent|per cent) (?:fewer|less|reduction in|decrease in) (?:headache|migraine|pain|attack) days\\b` +
      // "relief of 70%", "relief approx 65 percent", "relief (~70%)", "relief greater than 50%": a short gap without a number or a full stop.
      `|\\b(?:${RELIEF_WORD}|reduction|improvement|response|benefit)\\b[^.;\\d]{0,25}?${PERCENT_AMOUNT}\\s*(?:%|percent|per cent|pct)` +
      // "Successful PNS trial (70%)", "Trial: 70%.", "Trial: 7 d, 60%", a template's "Trial >=50% (70%)"
      `|\\btrial\\b[^.;\\d%]{0,20}?(?:(?:>=|≥|>)\\s?50\\s?%[\\t\\x20]{0,3})?[:(]\\s*(?:\\d{1,2}\\s*(?:d|days?|wks?|weeks?)\\s*[,;/]\\s*)?(?:[~>≥]\\s*)?(\\d{1,3})\\s*%\\s*(?:\\)|[.;,]|$)` +
      // "reduced her pain by 60%", "pain improved by 70%", "helped about 60%"
      `|\\bhelped (?:by )?(?:about |approximately |~)?${PERCENT_AMOUNT}\\s*(?:%|percent|per cent)` +
      `|\\b(?:reduced|decreased|improved|relieved|lowered|cut) (?:(?:her|his|their|the) )?pain(?: scores?)? by (?:about |approximately |~)?${PERCENT_AMOUNT}\\s*(?:%|percent|per cent)` +
      // Fractions: "pain reduced by half", "cut her pain by two-thirds", "about two-thirds less pain", "relief ~3/4 of usual pain".
      `|\\b(?:reduced|decreased|improved|relieved|lowered|cut)(?: (?:her|his|their|the))?(?: pain(?: scores?)?)? by (?:about |approximately |nearly |almost |~\\s?)?${FRACTION}` +
      `|\\bpain (?:was |is )?(?:reduced|decreased|cut) by (?:about |approximately |nearly |almost |~\\s?)?${FRACTION}` +
      // "cut pain in half", "halved her pain".
      `|\\b(?:cut|reduced|decreased)(?: (?:her|his|their|the))?(?: pain(?: scores?)?)? in (half)\\b` +
      `|\\b${FRACTION} (?:less pain|better|(?:pain )?(?:${RELIEF_WORD}|reduction|improvement))\\b` +
      // "took away about three quarters of the pain".
      `|\\b(?:took away|relieved|eliminated|removed) (?:about |approximately |nearly |almost |~\\s?)?${FRACTION} of (?:the |her |his |their )?pain\\b` +
      // A figure in brackets in the trial's stretch: "4/10 from 8/10 (50%)", "headache days 20 -> 6/month (70%)".
      `|\\((?:~|about |approx\\.? )?(\\d{1,3})\\s*%\\)` +
      `|\\b(?:${RELIEF_WORD}|improvement|reduction) (?:of )?(?:about |approximately |nearly |almost |~\\s?)?${FRACTION}` +
      `|\\bpain(?: scores?| levels?)? (?:was |were |is |went |is going |has gone |came )?(?:reduced|decreased|improved|better|down|lower) (?:by )?(?:about |approximately |~|more than |over |greater than |>\\s*)?${PERCENT_AMOUNT}\\s*(?:%|percent|per cent)`,
  ),
  /** Pain scores before and after: "NRS 8/10 to 2/10", "8/10 -> 2/10", "from 7 to 2/10". */
  painScores: rx(
    '\\b(\\d{1,2}(?:\\.\\d)?)(?:\\s*/\\s*10| out of 10)?(?: (?:before|at baseline|baseline|pre-?trial))?\\s*(?:to|->|-->|→|down to|decreased to|reduced to|improved to)\\s*(?:about |approximately |~\\s?)?(\\d{1,2}(?:\\.\\d)?)(?:\\s*/\\s*10| out of 10)\\b' +
      // "8->3 NRS": the scale named after the scores.
      '|\\b(\\d{1,2})\\s*(?:->|-->|→|to)\\s*(\\d{1,2})\\s*(?:NRS|VAS)\\b' +
      // "NRS 7 -> 2", "VAS 8 to 3": a named scale needs no "/10".
      '|\\b(?:NRS|VAS|pain(?: scores?| levels?)?)(?: (?:went|decreased|dropped|fell|improved|reduced|came down))?(?: of| from|:)?\\s*(\\d{1,2})(?:\\s*/\\s*10)?(?: baseline| at baseline| pre-?trial)?\\s*(?:to|->|-->|→|down to|decreased to|reduced to|improved to)\\s*(\\d{1,2})\\b(?!\\s*(?:/|%|mA|days?|hours?|hrs?|h\\b))' +
      // "took her from ten to four on the pain scale", "from eight out of ten to three": scores in words.
      `|\\bfrom ${SCORE_WORD}(?: out of (?:10|ten)|/10) (?:to|down to) ${SCORE_WORD}\\b` +
      `|\\bfrom ${SCORE_WORD} (?:to|down to) ${SCORE_WORD}(?= out of (?:10|ten)|/10| on (?:the |a |her |his |their )?(?:pain scale|NRS|VAS|numeric))` +
      // "brought her pain from eight to three": the pain itself named.
      `|\\bpain (?:(?:went|came|dropped|fell|decreased) )?from ${SCORE_WORD} (?:to|down to) ${SCORE_WORD}\\b(?!\\s*(?:/|%|mA|days?|hours?|hrs?|h\\b|weeks?|months?))`,
  ),
  /** Headache days a month before and after: "HA days 20 -> 6/mo", "headache days fell from 18 to 4". */
  headacheDays: rx('\\b(?:HA|headache|migraine) days(?:/mo(?:nth)?| a month| per month)?(?: (?:fell|went|dropped|decreased|reduced|came down|improved))?(?: from)?[\\t\\x20:]{0,3}(\\d{1,2})\\s*(?:->|-->|→|to|down to)\\s*(\\d{1,2})\\b'),
  /** "50% reduction in opioid use", "opioid use reduced by 60%". */
  analgesicReduction: rx(`\\b(\\d{1,3})\\s*(?:%|percent|per cent)\\s*(?:(?:reduction|decrease|less|drop|fewer)\\s+(?:in|of)|less|fewer)\\s+(?:\\w+\\s+)?${ANALGESIC}s?\\b|\\b${ANALGESIC}s?(?: use| intake| consumption)? (?:reduced|decreased|cut|down) (?:by )?(\\d{1,3})\\s*(?:%|percent|per cent)`),
  /** Words that tell how long the pain has lasted without a number the duration reader takes. */
  durationCue: rx('\\b(?:since|onset|began|started|long-?standing|longstanding|for (?:many |several )?(?:years|months)|decades?|childhood|(?:years?|months?) ago)\\b'),
  /** Words that tell how a trial went, with or without a figure ("pain much better", "excellent response", "6/10"). */
  outcomeCue: rx(`\\b(?:${RELIEF_WORD}|improv\\w*|better|reduc\\w*|decreas\\w*|percent|successful|positive|excellent|benefit\\w*|response|helped|NRS|VAS)\\b|\\d\\s*%|\\b\\d{1,2}\\s*/\\s*10\\b`),
  /** A word that negates what follows it in its clause. */
  negation: rx('\\b(?:no|not|without|denie[sd]|never|none|neither|nor|failed to)\\b'),
  /** A word that makes what follows it in its clause a plan or a condition. */
  condition: rx('\\b(?:if|will|would|should|could|may|might|plan\\w*|consider\\w*|candidate|expect\\w*|hope\\w*|unless|in case)\\b'),
  /** A relief figure in a sentence about a block or injection is the block's, not the trial's. */
  diagnosticProcedure: rx('\\b(?:blocks?|injections?|RFA|radiofrequency|ablation|steroid)\\b'),
  /** The trial, misspelt ("trail") or told without the word ("the temporary lead"). */
  trial: rx('\\btrial(?:ed|ing)?\\b|\\btrail\\b|\\btemporary (?:lead|array|stimulat\\w*)|\\bpercutaneous stimulation\\b'),
};

/** A neurostimulator implant or trial at all; without one, none of the 64596 facts is read. */
export const NEUROSTIMULATION = rx(
  `\\b(?:neuro)?stimulat(?:or|ion) (?:lead|array|electrode|system|device|trial|implant)s?\\b|\\b(?:stim|PNS)(?= (?:lead|array|electrode|implant)s?\\b)|\\bintegrated (?:[\\w-]+ ){0,2}?(?:leads?|(?:micro-?)?arrays?|systems?|stim)\\b|\\bmicro-?(?:leads?|arrays?)\\b|\\b(?:receiver|rcvr)s? (?:is |are )?(?:on|in|within|inside)[- ](?:the[- ]|each[- ]|its[- ])?(?:lead|array|electrode)s?\\b|${OWN_RECEIVER}|\\bneurostimulat\\w*|\\bneuromodulat\\w*|\\bperipheral nerve stimulat\\w*|\\bspinal cord stimulat\\w*|\\bdeep brain stimulat\\w*|\\b(?:DRG|dorsal root ganglion|ganglion) stimulat\\w*|\\bPNS\\b(?!-\\d)|\\binterstim\\b|\\belectrode arrays?\\b|\\bpaddle (?:electrode|lead)s?\\b|\\bpercutaneous leads? (?:was|were) (?:placed|deployed|implanted|inserted)\\b|\\b\\d{1,2}-contact (?:leads?|electrodes?|arrays?)\\b|\\b(?:ext(?:ernal)?\\.? )?trial stim(?:ulator)?s?\\b|\\btrial leads? (?:(?:was|were) )?(?:placed|inserted|deployed)\\b|\\b(?:percutaneous|perc) (?:[\\w-]+ ){0,2}?leads? (?:(?:was|were) )?(?:placed )?under (?:fluoro\\w*|US|ultrasound)\\b|\\b(?:percutaneous|perc) (?:[\\w-]+ ){0,2}?(?:leads?|electrodes?)\\b(?=[^;.]{0,60}\\b(?:[a-z]{4,} n(?:erves?\\b|\\.(?!\\w))|along(?:side)?|adjacent to|parallel to))|\\bfield stimulat\\w*|\\bPNFS\\b|\\b(?:IPG|pulse generator)\\b(?=[^.\\n]{0,120}\\bnerve\\b)|\\barrays? (?:was|were) (?:then |subsequently |successfully )?deployed\\b|\\blead placement\\b(?=[^.;\\n]{0,20}\\b(?:along|adjacent to|next to|parallel to|alongside|beside) the\\b[^.;]{0,40}\\bn(?:erves?\\b|\\.))|\\b(?:(?:leads?|electrodes?) (?:was|were) (?:placed|positioned|advanced|deployed|inserted|implanted|passed)|(?:lead|electrode) (?:placed|positioned|advanced|deployed|inserted|implanted|passed)|(?:placed|positioned|advanced|deployed|inserted|implanted|passed) (?:an?|the|two|both|one|1|a single) (?:[\\w-]+ ){0,3}?(?:leads?|electrodes?))\\b(?=[^.;\\n]{0,60}\\b(?:(?:along|adjacent to|next to|parallel to|alongside|beside) the|to|at)\\b[^.;]{0,40}\\bn(?:erves?\\b|\\.))|\\b(?:receiver|rcvr)s? (?:is |are )?(?:built[- ]in(?:to (?:(?:the |each )?(?:lead|array|electrode)s?|it))?|(?:integrated|housed) in(?:to)? (?:the |each )?(?:lead|array|electrode)s?)\\b|\\b(?:built[- ]in|integrated|integral|embedded|on-?board) (?:receiver|rcvr)s?\\b|\\bintegrated\\b(?<=\\b(?:system|device|stimulator|type):[\\t\\x20]{0,3}integrated)|\\bstimulator\\b(?! (?:was used|to identify|to locate|to confirm|was utilized))`,
);

/** What a note that places an array without naming a stimulator still names: its receiver or its external power. */
export const POWER_OR_RECEIVER = rx('\\b(?:(?:receiver|rcvr)s?|wearable|transmitters?|integrated|integral)\\b');

/** The note's own code for an integrated system ("CPT: 64596-LT"): a terse note may name the device by it alone. */
export const DEVICE_CODE = rx('\\b6459[678]\\b');

/** An intraoperative nerve stimulator used to find a nerve is a tool, not an implant. */
export const STIMULATOR_AS_TOOL = rx('\\bnerve stimulator (?:was used|to identify|to locate|to confirm|was utilized)\\b|\\busing (?:a|the) (?:(?!nerve )\\w+ )?(?:nerve )?stimulator\\b|\\bNIM\\b|\\bnerve monitor\\w*');

/** Integrated tibial systems for bladder or bowel dysfunction are Category III, not 64596. */
export const BLADDER_INDICATION = rx('\\b(?:overactive bladder|urinary (?:urgency|frequency|incontinence|retention)|urge incontinence|fecal incontinence|OAB|voiding dysfunction|bladder dysfunction)\\b');

/** "following a successful trial", "prior trial": the trial is history, not this procedure. */
/** "PNS trial Jan 2026", "trial 03/2026": a trial with a date is one that was done before. */
const TRIAL_MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const TRIAL_KIND = '(?:percutaneous|PNS|stimulation|stimulator|neurostimulat\\w*)';
export const EARLIER_TRIAL = rx(
  `\\b(?:\\d{1,2}-day )?(?:${TRIAL_KIND} )?trial:? (?:(?:in|on|of|from) )?\\(?(?:${TRIAL_MONTH} |\\d{1,2}/)?(?:19|20)\\d{2}\\b|\\b(?:following|after|post|based on|given|prior|previous|successful|positive|completed)\\s+${optional('a|the|an|her|his|their')}(?:\\d+-day |(?!${TRIAL_KIND} trial\\b)\\w+ ){0,3}(?:${TRIAL_KIND} )?trial\\b|\\btrial (?:was|had been) (?:successful|positive|performed|done|completed)\\b`,
);

export const PERMANENT = rx('\\bpermanent(?:ly)?\\b|\\bperm\\.?(?= (?:PNS|implant|system|lead|array|device|stim))');

/** A sentence that corrects the record ("the correct laterality is RIGHT", "amended: left"). */
export const CORRECTION = rx('\\bcorrect(?:ed|ion)\\b|\\bcorrect(?=[\\t\\x20]*[:-])|\\bamend(?:ed|ment)?\\b|\\bshould read\\b|\\bin error\\b|\\b(?:strike|scratch|delete|disregard) that\\b');

/** In the procedure line the kind is often a bare noun: "PNS implant", "Revision (repositioning) of ...". */
export const PROCEDURE_TITLE_KINDS: readonly ConceptPattern<'insertion' | 'replacement' | 'revision' | 'removal' | 'trial'>[] = [
  // An introducer or a wire exchanged is a step of any placement, not a device replaced.
  { value: 'replacement', pattern: rx('\\b(?<!\\b(?:introducer|sheath|needle|wire|guidewire|dilator)\\s)(?:replacement|exchange)\\b') },
  { value: 'revision', pattern: rx('\\brevision\\b|\\brepositioning\\b') },
  { value: 'removal', pattern: rx('\\bremoval\\b|\\bexplant(?:ation)?\\b') },
  { value: 'trial', pattern: rx('\\btrial\\b|\\btemporary\\b') },
  // A title that names only the device, placed through the skin: "Proc: perc integrated PNS, R common peroneal n.".
  { value: 'insertion', pattern: rx('\\bimplant(?:ation)?\\b|\\binsertion\\b|\\bplacement\\b|\\bperc(?:utaneous)?\\.? (?:integrated )?(?:PNS|peripheral nerve stimulat\\w*|neurostimulat\\w*|stim(?:ulator)?)\\b') },
];

/** Incisions made for the pocket, the anchors or the extensions do not make the array placement open. */
export const ACCESSORY_INCISION = /\b(?:pocket|anchor\w*|(?<!(?:fascial|nerve's|its) )exit (?:point|site)s?|around the (?:needle|lead)s?|extensions?|tunnel\w*|generator|IPG|battery|neurostimulator|buttock|flank|infraclavicular)\b/i;

/** The procedure was started and stopped: "the procedure was aborted", "procedure started and discontinued", "decision was made to discontinue the procedure", a title ending ", aborted." or "(discontinued)", a field answered "Procedure performed: ABORTED - ...". */
const STOPPED_WHAT = '(?:procedure|case|operation|placement|implant(?:ation)?)';
const STOPPED = '(?:aborted|discontinued|terminated|abandoned|cancell?ed)';
export const DISCONTINUED = rx(
  `\\b${STOPPED_WHAT} (?:was|were) (?:then |therefore |subsequently |ultimately )?(?:${STOPPED}|stopped)\\b|\\b(?:${STOPPED}|terminate|abort|discontinue|abandon|stop) the ${STOPPED_WHAT}\\b|\\b(?:decision|decided) (?:was made )?to (?:(?:abort|discontinue|terminate|abandon)(?: the ${STOPPED_WHAT})?|stop the ${STOPPED_WHAT})\\b|\\b${STOPPED_WHAT}(?: performed| attempted)?(?:,| [-–—]|:)? ${STOPPED}\\b|\\b(?:aborted|discontinued) ${STOPPED_WHAT}\\b|\\b${STOPPED_WHAT} (?:was )?started,? (?:and|but) (?:then )?(?:${STOPPED}|stopped)\\b|\\b${STOPPED_WHAT} (?:${STOPPED}|stopped)\\b(?! (?:working|helping|providing|functioning))(?=\\s*(?:[.;,]|$)| (?:at|to|because|due|after|before|when|as)\\b)|\\*\\*${STOPPED}\\.?\\*\\*|\\battempted\\s*[-–—:,]\\s*${STOPPED}\\b|\\((?:procedure )?${STOPPED}\\)|(?:[,;]|[\\t\\x20][-–—]{1,2}) ${STOPPED}(?=\\s*(?:[.;)]|$))|^(?:[-–—]{1,2}[\\t\\x20]{0,3})?${STOPPED}\\b(?=\\s*[-–—]|\\s*\\.?$| (?:before|after|at|due|because|when|prior)\\b)`,
);
/**
 * The procedure was not completed, in words that are themselves a negation ("unable to complete the
 * procedure"): read whether the assertion engine calls them affirmed or negated. "The array was not
 * placed" is left out: a planned second array not placed is no discontinued procedure.
 */
export const NOT_COMPLETED = rx(
  `\\bstarted,? (?:but )?not (?:completed|finished)\\b|\\bunable to (?:complete|finish) the ${STOPPED_WHAT}\\b|\\b${STOPPED_WHAT} (?:could not be|was not|were not) (?:completed|finished)\\b`,
);
/** "aborted prior to induction": stopped before anesthesia was given (73 on a facility claim). */
export const BEFORE_ANESTHESIA = rx('\\b(?:before|prior to) (?:the )?(?:induction|administration of (?:the )?anesthe\\w+|anesthe\\w+|sedation)\\b');
/** Anesthesia given for this procedure: general, regional, local, MAC or sedation. */
export const ANESTHESIA_GIVEN = rx('\\b(?:general|regional|local|monitored) anesthe\\w+|\\bMAC\\b|\\bsedation\\b|\\binduc(?:tion|ed)\\b|\\bintubat\\w+|\\blidocaine\\b');

/** "no. 12345", "#: SN-4471", ": A1234", ": (01)00843": an identifier with a digit after a record label. */
const IDENTIFIER = '(?:\\s+(?:no\\.?|number|num))?(?:\\s*[#:.]{1,2})?\\s*\\(?[A-Z]{0,6}-?\\d[\\w()-]*';

/** The implant record: the device's manufacturer, its model and its lot or serial number. */
export const IMPLANT_RECORD: readonly ConceptPattern<'manufacturer' | 'model' | 'lot-serial'>[] = [
  { value: 'manufacturer', pattern: rx('\\b(?:manufacturer|mfr)\\s*:|\\b(?:SPR Therapeutics|SPRINT PNS|Bioventus|StimRouter|Nalu|Curonix|Stimwave|Nevro|Abbott|Medtronic|Boston Scientific)\\b') },
  { value: 'model', pattern: rx(`\\b(?:model|catalog|catalogue|cat|ref)${IDENTIFIER}`) },
  // A UDI holds the production identifier (lot or serial) of the device.
  { value: 'lot-serial', pattern: rx(`\\b(?:lot|serial|batch|S/N|SN|UDI)${IDENTIFIER}`) },
];
