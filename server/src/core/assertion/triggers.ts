/**
 * Trigger lexicons of the ConText engine, as data.
 *
 * The NegEx/ConText phrases below are copied from chapmanbe/negex (commit d136b972):
 * negex.python/negex_triggers.txt and genConText/{history,hypothetical,experiencer}_triggers.txt,
 * published under the Apache License 2.0 by Wendy W. Chapman and colleagues.
 * The operative-note phrases after them are OpNote's own.
 */

export const ASSERTION_CATEGORIES = ['negation', 'historical', 'hypothetical', 'experiencer'] as const;
export type AssertionCategory = (typeof ASSERTION_CATEGORIES)[number];

/**
 * pre: scopes forward to the end of the sentence; post: scopes backward to its start;
 * pseudo: contains a trigger but is none, so it blocks the shorter trigger inside it;
 * termination: ends the category's scopes on either side; forward-termination: ends forward
 * scopes only. The nearest phrase of a category on each side of a concept decides, so every
 * phrase also ends the scopes it does not open. One phrase may be both pre and post.
 */
export const TRIGGER_ROLES = ['pre', 'post', 'pseudo', 'termination', 'forward-termination'] as const;
export type TriggerRole = (typeof TRIGGER_ROLES)[number];
export type TriggerKind = `${TriggerRole}-${AssertionCategory}`;

export interface Trigger {
  /** Words and punctuation, matched case-insensitively on word boundaries; `<year>` is any year 1900-2099. */
  readonly phrase: string;
  readonly kind: TriggerKind;
  /**
   * Most words allowed between trigger and concept; unlimited (ConText's sentence scope) when
   * absent. NegEx's five-word window for negation scored F 0.945 against 0.950 unlimited on
   * reports 1-60 of the NegEx test set, so negation keeps the sentence scope.
   */
  readonly maxWords?: number;
}

const phrases = (kind: TriggerKind, list: readonly string[], maxWords?: number): Trigger[] =>
  list.map((phrase) => (maxWords === undefined ? { phrase, kind } : { phrase, kind, maxWords }));

/** Triggers that reach both ways: "in 2023, X" and "X in 2023". */
const bothWays = (category: AssertionCategory, list: readonly string[]): Trigger[] => [
  ...phrases(`pre-${category}`, list),
  ...phrases(`post-${category}`, list),
];

/** "was used", "were used", "is used", "are used" for each participle. */
const passives = (participles: readonly string[]): string[] =>
  participles.flatMap((participle) => ['was', 'were', 'is', 'are'].map((verb) => `${verb} ${participle}`));

/** How far "in June 2025" reaches: "the device was placed in June 2025". */
const MONTH_YEAR_WINDOW = 3;

/** Words a predicate noun phrase spans: "not a good surgical candidate for". */
const NOUN_PHRASE_WINDOW = 3;

/** genConText lets a "one word" trigger reach a concept at most three words away. */
const ONE_WORD_WINDOW = 3;
/** Words "none" reaches back over. */
const NONE_REACH = 6;

const NEGEX_NEGATION: readonly Trigger[] = [
  // [PSEU] pseudo-triggers
  ...phrases('pseudo-negation', [
    'no increase', 'no suspicious change', 'no significant change', 'no change',
    'no interval change', 'no definite change', 'no significant interval change', 'not extend',
    'not cause', 'not drain', 'not certain if', 'not certain whether', 'gram negative',
    'without difficulty', 'not necessarily', 'not only',
  ]),
  // "free of" denies the few words after it ("free of tumor"), not the rest of a surgical clause
  // ("dissecting the fragment free of dense scar from the tract under ultrasound").
  ...phrases('pre-negation', ['free of'], ONE_WORD_WINDOW),
  // "not a candidate" denies the noun phrase it names ("not a TKA candidate (BMI), pain x 4 yrs"),
  // not the facts listed after it.
  ...phrases('pre-negation', ['not a', 'not an'], NOUN_PHRASE_WINDOW),
  // [PREN] pre-triggers
  ...phrases('pre-negation', [
    'absence of', 'cannot', 'cannot see', 'checked for', 'declined', 'declines', 'denied', 'denies',
    'denying', 'evaluate for', 'fails to reveal', 'negative for', 'never developed',
    'never had', 'no', 'no abnormal', 'no cause of', 'no complaints of', 'no evidence',
    'no new evidence', 'no other evidence', 'no evidence to suggest', 'no findings of',
    'no findings to indicate', 'no mammographic evidence of', 'no new',
    'no radiographic evidence of', 'no sign of', 'no significant', 'no signs of', 'no suggestion of',
    'no suspicious', 'not', 'not appear', 'not appreciate', 'not associated with', 'not complain of',
    'not demonstrate', 'not exhibit', 'not feel', 'not had', 'not have', 'not know of',
    'not known to have', 'not reveal', 'not see', 'not to be', 'patient was not', 'rather than',
    'resolved', 'test for', 'to exclude', 'unremarkable for', 'with no', 'without', 'w/o',
    'without any evidence of', 'without evidence', 'without indication of', 'without sign of',
    'rules out', 'rules him out', 'rules her out', 'rules the patient out', 'rules out for',
    'rules him out for', 'rules her out for', 'rules the patient out for', 'ruled out',
    'ruled him out', 'ruled her out', 'ruled the patient out', 'ruled out for', 'ruled him out for',
    'ruled her out for', 'ruled the patient out for', 'ruled out against', 'ruled him out against',
    'ruled her out against', 'ruled the patient out against', 'did rule out', 'did rule out for',
    'did rule out against', 'did rule him out', 'did rule her out', 'did rule the patient out',
    'did rule him out for', 'did rule her out for', 'did rule him out against',
    'did rule her out against', 'did rule the patient out for', 'did rule the patient out against',
    'can rule out', 'can rule out for', 'can rule out against', 'can rule him out',
    'can rule her out', 'can rule the patient out', 'can rule him out for', 'can rule her out for',
    'can rule the patinet out for', 'can rule him out against', 'can rule her out against',
    'can rule the patinet out against', 'adequate to rule out', 'adequate to rule him out',
    'adequate to rule her out', 'adequate to rule the patient out', 'adequate to rule out for',
    'adequate to rule him out for', 'adequate to rule her out for',
    'adequate to rule the patient out for', 'adequate to rule the patient out against',
    'sufficient to rule out', 'sufficient to rule him out', 'sufficient to rule her out',
    'sufficient to rule the patient out', 'sufficient to rule out for',
    'sufficient to rule him out for', 'sufficient to rule her out for',
    'sufficient to rule the patient out for', 'sufficient to rule out against',
    'sufficient to rule him out against', 'sufficient to rule her out against',
    'sufficient to rule the patient out against',
  ]),
  // [PREP] 'possible' pre-triggers ([PREP]): AssertionStatus has no 'possible', so they only close negation scopes
  ...phrases('termination-negation', [
    'rule out', 'r/o', 'ro', 'rule him out', 'rule her out', 'rule the patient out', 'rule out for',
    'rule him out for', 'rule her out for', 'rule the patinet out for', 'be ruled out for',
    'should be ruled out for', 'ought to be ruled out for', 'may be ruled out for',
    'might be ruled out for', 'could be ruled out for', 'will be ruled out for',
    'can be ruled out for', 'must be ruled out for', 'is to be ruled out for',
    'what must be ruled out is',
  ]),
  // [POST] post-triggers
  // "free" after what it denies reaches the few words before it ("pain free", "TKA-free joint line"), not the sentence.
  ...phrases('post-negation', ['free'], ONE_WORD_WINDOW),
  ...phrases('post-negation', [
    'unlikely', 'was ruled out', 'is ruled out', 'are ruled out', 'have been ruled out',
    'has been ruled out',
  ]),
  // [POSP] 'possible' post-triggers ([POSP]), likewise
  ...phrases('termination-negation', [
    'did not rule out', 'not ruled out', 'not been ruled out', 'being ruled out', 'be ruled out',
    'should be ruled out', 'ought to be ruled out', 'may be ruled out', 'might be ruled out',
    'could be ruled out', 'will be ruled out', 'can be ruled out', 'must be ruled out',
    'is to be ruled out',
  ]),
  // [CONJ] terminations
  ...phrases('termination-negation', [
    'but', 'however', 'nevertheless', 'yet', 'though', 'although', 'still', 'aside from', 'except',
    'apart from', 'secondary to', 'as the cause of', 'as the source of', 'as the reason of',
    'as the etiology of', 'as the origin of', 'as the cause for', 'as the source for',
    'as the reason for', 'as the etiology for', 'as the origin for', 'as the secondary cause of',
    'as the secondary source of', 'as the secondary reason of', 'as the secondary etiology of',
    'as the secondary origin of', 'as the secondary cause for', 'as the secondary source for',
    'as the secondary reason for', 'as the secondary etiology for', 'as the secondary origin for',
    'as a cause of', 'as a source of', 'as a reason of', 'as a etiology of', 'as a cause for',
    'as a source for', 'as a reason for', 'as a etiology for', 'as a secondary cause of',
    'as a secondary source of', 'as a secondary reason of', 'as a secondary etiology of',
    'as a secondary origin of', 'as a secondary cause for', 'as a secondary source for',
    'as a secondary reason for', 'as a secondary etiology for', 'as a secondary origin for',
    'as an cause of', 'as an source of', 'as an reason of', 'as an etiology of', 'as an origin of',
    'as an cause for', 'as an source for', 'as an reason for', 'as an etiology for',
    'as an origin for', 'as an secondary cause of', 'as an secondary source of',
    'as an secondary reason of', 'as an secondary etiology of', 'as an secondary origin of',
    'as an secondary cause for', 'as an secondary source for', 'as an secondary reason for',
    'as an secondary etiology for', 'as an secondary origin for', 'cause of', 'cause for',
    'causes of', 'causes for', 'source of', 'source for', 'sources of', 'sources for', 'reason of',
    'reason for', 'reasons of', 'reasons for', 'etiology of', 'etiology for', 'trigger event for',
    'origin of', 'origin for', 'origins of', 'origins for', 'other possibilities of',
  ]),
];

const CONTEXT_HISTORICAL: readonly Trigger[] = [
  // [PSEU] pseudo-triggers
  ...phrases('pseudo-historical', [
    'history and physical', 'history, physical', 'history taking', 'poor history',
    'history and examination', 'history of chief complaint', 'history of present illness',
    'social history', 'clinical history', 'patient history', 'day history of', 'by his wife',
    'by her husband', 'if negative', 'history from', 'history, and', 'history and', 'know if',
    'detailed history',
  ]),
  // [PREN] pre-triggers
  ...phrases('pre-historical', [
    'history', 'known to have', 'experiences', 'in the past for',
  ]),
  // [ONEW] 'one word' pre-triggers: reach only the next few words
  ...phrases('pre-historical', [
    'pre-existing', 'status post', 's/p', 'prior',
  ], ONE_WORD_WINDOW),
  // [CONJ] terminations
  ...phrases('termination-historical', [
    'sudden onset of', 'presented', 'presents', 'presenting', 'complains', 'complaining',
    'coming in with', 'comes in with', 'was found', 'states', 'reports', 'reported', 'currently',
    'today', 'noted', 'consistent with', 'ED', 'emergency department', 'recent',
  ]),
];

const CONTEXT_HYPOTHETICAL: readonly Trigger[] = [
  // [PSEU] pseudo-triggers
  ...phrases('pseudo-hypothetical', [
    'by his wife', 'by her husband', 'if negative', 'know if',
  ]),
  // [PREN] pre-triggers
  ...phrases('pre-hypothetical', [
    'if', 'return', 'returning', 'should he', 'should she', 'call', 'should there', 'should the',
    'as needed', 'come back for', 'come back to', 'look out for',
  ]),
  // What was talked over, not done: "we discussed placing a second array ..., but ... placed only one".
  ...phrases('pre-hypothetical', ['discussed placing', 'discussed adding', 'considered placing', 'considered adding', 'discussed a second', 'considered a second']),
  // [CONJ] terminations
  ...phrases('termination-hypothetical', [
    'diagnosis', 'patient', 'who', 'his', 'her', "patient's", 'since', 'because',
  ]),
];

const CONTEXT_EXPERIENCER: readonly Trigger[] = [
  // [PSEU] pseudo-triggers
  ...phrases('pseudo-experiencer', [
    'by his wife', 'by her husband', 'know if',
  ]),
  // [PREN] pre-triggers
  ...phrases('pre-experiencer', [
    'mom', 'dad', 'sister', 'brother', 'roommate', 'aunt', 'uncle', 'grandfather', 'grandmother',
    'husband', 'wife', "father's", "mother's", "mom's", "dad's", "sister's", "brother's",
    "roommate's", "aunt's", "uncle's", "grandfather's", "grandmother's", "husband's",
    "wife's", 'family history',
  ]),
  // [CONJ] terminations
  ...phrases('termination-experiencer', [
    'patient', 'who', 'his', 'her', "patient's", 'presented', 'presents', 'presenting', 'complains',
    'complaining', 'coming in with', 'comes in with', 'was found', 'states', 'stated', 'reports',
    'reported', 'currently', 'today', 'noted', 'which',
  ]),
];

/**
 * Negation beyond NegEx, mostly operative-note phrasing. genConText also ends negation at ")" and
 * "}"; on reports 1-60 that cost more than it gained ("-ve for bleeding (occult nor overt), anemia").
 * Left out on purpose: "unavailable" ("trial images were unavailable for review") speaks of
 * availability, not of whether the thing was done.
 */
const OPNOTE_NEGATION: readonly Trigger[] = [
  // "X was not used": the longer post-trigger wins over NegEx's pre-trigger "not".
  ...phrases('post-negation', [
    'not used', 'not performed', 'not obtained', 'not required', 'not needed', 'not utilized',
    'not done', 'not attempted', 'not placed', "not req'd", 'not reqd', 'not requested', 'not given', 'not administered', 'not seen',
    'not treated', 'not addressed', 'not implanted', 'not stimulated', 'not brought',
    'not identified', 'not noted', 'not visualized', 'not appreciated', 'not present', 'omitted',
    'is negative', 'was negative', 'are negative', 'were negative',
  ]),
  // "IPG: none", "Fluoroscopy, CT: none": what "none" answers stands just before it, not a line or two above
  // ("... receiver built into each array, ext. transmitter on skin / Δ none, EBL <5 mL").
  ...phrases('post-negation', ['none'], NONE_REACH),
  // British "nil" and the shorthand "Ø" for none: "nil implanted pulse generator", "Ø IPG", "EBL nil", "comps Ø".
  ...phrases('pre-negation', ['nil', 'Ø', 'ø', '∅'], NOUN_PHRASE_WINDOW),
  ...phrases('post-negation', ['nil', 'Ø', 'ø', '∅'], 0),
  // "A C-arm was in the room but was not used": the denial reaches back past its "but".
  ...phrases('post-negation', ['but was not used', 'but not used', 'but was not needed', 'but not needed', 'but was not required', 'but was never used']),
  // What was put off or declined is the last thing named: "Failed PT, gabapentin, and an SCS evaluation was declined".
  ...phrases('post-negation', ['deferred', 'was declined', 'were declined'], 5),
  // "neurectomy consult declined, PT, gabapentin": a comma after it makes "declined" look back at what was declined, not on down the list.
  ...phrases('post-negation', ['declined ,', 'declines ,', 'refused ,'], 5),
  // An approach weighed and set aside: "so a percutaneous approach was felt unsafe".
  ...phrases('post-negation', ['was felt unsafe', 'was deemed unsafe'], 3),
  // "the hematoma resolved", but not "65% relief, night pain resolved": the word right before only.
  ...phrases('post-negation', ['resolved'], 1),
  // "Urine was negative for blood" negates the blood, not the urine.
  // "stopped before any array was deployed": what had not happened by then.
  ...phrases('pre-negation', [
    'before any', 'prior to any', 'instead of', 'in lieu of', '-ve for', 'is negative for', 'was negative for', 'are negative for',
    'were negative for',
  ]),
  // Stock phrases that end their own negation: "placed without complication under ultrasound".
  ...phrases('pseudo-negation', [
    'without complication', 'without complications', 'without any complications',
    'without incident', 'without any difficulty', 'no complication', 'no complications',
    'no immediate complications', 'no apparent complications', 'without change',
    'without interval change', 'without significant change',
  ]),
  // A new clause or a positive finding ends a negation: "no hematoma and the lead held".
  ...phrases('termination-negation', [
    ';', '→', '->', '=>', 'which', 'who', 'whereas', 'instead', 'positive for', '+ve for', 'and the', 'and then',
    'and he', 'and she', 'and it', 'and we', 'and there', 'and this', 'today',
    // A new step of the procedure: "first test no response redirected 1cm second test good paresthesia".
    'redirected', 'repositioned',
    // A terse passive without its verb: "no USS or II used" / "1 array, integrated".
    'used',
    // A new subject starts a new clause in run-on dictation: "no hardware problem, he has failed PT".
    'he has', 'she has', 'he had', 'she had', 'he did', 'she did', 'he was', 'she was', 'he is', 'she is',
    'they have', 'the patient has', 'the patient had', 'pt has', 'pt had', 'pt is', 'pt was', 'patient has', 'patient had',
  ]),
  // Treatments that failed are facts of the history, not negated: "has not responded to gabapentin".
  ...phrases('pseudo-negation', [
    'not responded to', 'not respond to', 'did not respond', 'not improved with', 'not improve with',
    'no relief from', 'no relief with', 'no benefit from', 'no benefit with', 'no durable benefit',
    'no lasting benefit', 'no lasting relief', 'no durable relief', 'without benefit', 'without lasting benefit',
    'without durable benefit', 'without lasting relief', 'without durable relief', 'without relief',
    // "not repairable, for about two years": the word it denies is the adjective, not what follows.
    'not repairable', 'not reparable', 'not operable', 'not a surgical candidate',
    // A treatment not tolerated was tried and failed.
    'did not tolerate', 'could not tolerate', 'not tolerated', 'unable to tolerate', 'intolerant of', 'intolerant to',
    // The subject's own words would otherwise end the phrase first ("she did" closes a clause, below).
    'he did not tolerate', 'she did not tolerate', 'he did not respond', 'she did not respond',
  ]),
  // The verb closes the negated subject: "no sedation was used, the lead was placed under ultrasound".
  ...phrases('termination-negation', passives([
    'used', 'performed', 'seen', 'noted', 'identified', 'encountered', 'observed', 'found', 'obtained',
    'given', 'required', 'needed', 'present', 'appreciated', 'visualized', 'detected',
    // "no new array was placed stim now gives paresthesia": dictation without full stops goes on past the denial.
    'placed', 'opened', 'deployed', 'inserted', 'implanted',
  ])),
  // "Complications: none": a colon ends forward scopes but not the backward one of "none".
  ...phrases('forward-termination-negation', [':']),
];

/** Month names that date the history; "may" is left out, the word being also the modal verb. */
const MONTHS_BUT_MAY = ['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * ConText calls a condition historical when it is more than two weeks old, so "last week" and
 * "days ago" stay recent. "The trial" of a 64596 note is the earlier test stimulation.
 */
const OPNOTE_HISTORICAL: readonly Trigger[] = [
  // "the previously placed lead was repositioned": the device is old, the repositioning is now
  // ("a lead was previously implanted" stays historical: no determiner before "previously").
  ...phrases(
    'pseudo-historical',
    ['the', 'a', 'an', 'her', 'his', 'their', 'of'].flatMap((determiner) =>
      ['placed', 'implanted', 'inserted', 'positioned'].map((verb) => `${determiner} previously ${verb}`),
    ),
  ),
  ...phrases('pre-historical', ['previous', 'previously'], ONE_WORD_WINDOW),
  ...phrases('post-historical', ['previously'], ONE_WORD_WINDOW),
  ...bothWays('historical', [
    'last month', 'last year', 'months ago', 'years ago', 'in the past', 'in <year>',
    'during the trial', 'during trial', 'at the time of the trial', 'at the trial',
  ]),
  // "in December she had a trial": a month named in the past tense of the history.
  ...phrases('pre-historical', MONTHS_BUT_MAY.flatMap((month) => [`in ${month} she had`, `in ${month} he had`, `in ${month} the patient had`])),
  ...phrases('termination-historical', [';', 'now', 'this time', 'this procedure', "today's", 'today']),
  // "in June 2025 the device was placed": a month and year date the past like a year alone.
  // Near words only: in run-on dictation the sentence also holds today's procedure.
  ...(['pre', 'post'] as const).flatMap((role) =>
    phrases(`${role}-historical`, MONTHS_BUT_MAY.map((month) => `in ${month} <year>`), MONTH_YEAR_WINDOW),
  ),
  // "In January she did a trial": a month before the procedure, named without its year.
  ...(['pre', 'post'] as const).flatMap((role) =>
    phrases(`${role}-historical`, MONTHS_BUT_MAY.map((month) => `in ${month}`), MONTH_YEAR_WINDOW),
  ),
  // Run-on dictation turns from the history to today's procedure: "she did a trial last month so we are proceeding with the implant".
  ...phrases('termination-historical', ['so we', 'we are proceeding', 'proceeding with', 'proceed with', 'presents for', 'presents today', 'here today', 'is here for', 'returns for']),
];

const OPNOTE_HYPOTHETICAL: readonly Trigger[] = [
  ...phrases('pre-hypothetical', [
    'will', 'would', 'should', 'plan to', 'plans to', 'planning to', 'plan for', 'in the event',
    'consider', 'considering', 'recommend', 'recommended', 'in case', 'unless', 'candidate for',
    // "The plan going in was two arrays": what was meant to be done, not what was.
    'plan was', 'plan going in', 'intended', 'intent was', 'intention was',
    // A query quoted in the note asks; it states nothing: "Please clarify the pulse generator documented".
    'please clarify', 'please specify', 'please document', 'please indicate', 'clarify whether',
    // What a trial is for: "percutaneous TRIAL only, to decide on permanent implant".
    'to decide on', 'to decide whether', 'decide on', 'decision on', 'decision about', 'consideration of', 'before committing to',
  ]),
  // "Permanent implant to be considered if >= 50% relief": a step that depends on what is to come.
  ...phrases('post-hypothetical', ['to be considered', 'to be scheduled', 'to be discussed', 'will be considered', 'if successful', 'pending']),
  ...bothWays('hypothetical', ['planned']),
  // What was planned and then done: "performed the planned procedure: percutaneous implantation of ...".
  ...phrases('pseudo-hypothetical', ['performed the planned', 'completed the planned', 'underwent the planned', 'proceeded with the planned', 'the planned procedure was performed', 'the planned procedure was completed', 'as planned']),
  ...phrases('post-hypothetical', ['if needed', 'if necessary', 'if indicated', 'if required', 'as needed']),
  // "The right tibial nerve will be done as stage 2": a later session's side or nerve.
  ...phrases('post-hypothetical', ['will be done', 'will be placed', 'will be implanted', 'will be treated', 'will be addressed', 'to be done', 'to be placed', 'to be implanted', 'will follow']),
];

const OPNOTE_EXPERIENCER: readonly Trigger[] = [
  ...phrases('pre-experiencer', [
    'mother', 'father', 'son', 'daughter', 'sibling', 'siblings', 'parents', 'family member',
    'family members', 'family hx', 'fhx',
  ]),
  // The spouse who consents or drives is not the one the note describes.
  ...phrases('pseudo-experiencer', ['with his wife', 'with her husband', 'and his wife', 'and her husband']),
];

export const DEFAULT_TRIGGERS: readonly Trigger[] = [
  ...NEGEX_NEGATION,
  ...OPNOTE_NEGATION,
  ...CONTEXT_HISTORICAL,
  ...OPNOTE_HISTORICAL,
  ...CONTEXT_HYPOTHETICAL,
  ...OPNOTE_HYPOTHETICAL,
  ...CONTEXT_EXPERIENCER,
  ...OPNOTE_EXPERIENCER,
];
