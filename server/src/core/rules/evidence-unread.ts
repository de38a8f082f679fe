import { anchorFor, isPeripheralImplant } from '../ruleSupport/noteAnchors';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'evidence-unread',
    description: 'The note tells of the side, the nerve, the imaging, the pain duration or the trial outcome in words OpNote could not read: check them yourself.',
    defaultSeverity: 'information',
    fixable: false,
    tags: ['64596', 'note', 'evidence'],
    appliesTo: ['opnote'],
    docs: {
      what: 'A peripheral nerve stimulator implant note in which OpNote finds signs of an element it could not read as a fact: a side word it cannot place ("L", "rt", "left" without its anatomy), a nerve name its lexicon does not know, imaging told by its device ("the probe", "the C-arm"), a pain duration without a number ("long-standing"), or a trial outcome in words ("pain much better"). The rule that would report the element missing stays quiet instead, and this one says what to check.',
      why: 'A missing element is a warning only when OpNote is sure it is missing. When the words are there but unreadable to it, a warning would be a false alarm on a note that may be complete; the coder reads the words and decides, and queries the physician if they are unclear.',
      fix: 'Read the element in the note. If it is there, nothing is needed (a plain statement, "left superficial peroneal nerve", "under ultrasound guidance", "pain for 14 months", "70% relief", lets OpNote read it next time). If it is unclear, query the physician: coders do not add clinical facts to the record.',
      sources: ['issue 12 (say so at information severity when the evidence is missing or unclear)', '64596 fact sheet §6 (what a reviewer looks for in the note)'],
      bad: 'PROCEDURE: Perc integrated PNS, L, SPN, probe-guided. Array deployed.',
      good: 'PROCEDURE: Percutaneous integrated PNS, left superficial peroneal nerve, under ultrasound guidance. One array deployed.',
    },
  },
  check({ model, facts }, report) {
    if (!isPeripheralImplant(facts)) return;
    const unread = [
      facts.lateralityUnread && 'the side',
      facts.nerveUnread && 'the nerve',
      facts.imagingUnread && 'the imaging guidance',
      facts.necessity.painDurationUnread && 'the pain duration',
      facts.necessity.trialOutcomeUnread && 'the trial outcome',
    ].filter((topic): topic is string => topic !== false);
    if (unread.length === 0) return;
    const list = unread.length === 1 ? unread[0] : `${unread.slice(0, -1).join(', ')} and ${unread[unread.length - 1]}`;
    report({
      span: anchorFor(model, ['procedure', 'technique']),
      message: `OpNote could not read ${list} from the words used: check the note yourself, and query the physician if it is unclear.`,
      detail: 'The rules that would report these missing stay quiet: the words are there, in a form OpNote does not read.',
    });
  },
};
