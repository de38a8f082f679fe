import { isNeurostimulationNote, sentenceAt } from '../ruleSupport/noteAnchors';
import type { Rule } from '../linting/types';
import type { ConflictTopic, DocumentationConflict } from '../facts/types';

/** What each topic is, as the subject of "… is written both as … and as …". */
const SUBJECT: Readonly<Record<ConflictTopic, string>> = {
  side: 'The side',
  imaging: 'Imaging guidance',
  approach: 'The approach',
  device: 'The device',
  nerve: 'The target nerve',
  procedure: 'The procedure',
  arrays: 'The number of arrays',
  testing: 'Stimulation testing',
};

function message(conflict: DocumentationConflict): string {
  const values = conflict.readings.map((reading) => reading.value);
  const listed = values.length > 2 ? `${values.slice(0, -1).join(', ')} and as ${values[values.length - 1]}` : values.join(' and as ');
  return `${SUBJECT[conflict.topic]} is written both as ${listed}. A coder cannot tell which is right: ask the physician and correct the note.`;
}

export const rule: Rule = {
  meta: {
    id: 'documentation-conflict',
    description: 'The note says two different things about the same procedure (left and right, imaging used and not used, ...).',
    defaultSeverity: 'information',
    fixable: false,
    tags: ['64596', 'note', 'documentation', 'query'],
    appliesTo: ['opnote'],
    docs: {
      what: "The note's evidence on one topic of the procedure conflicts: the side is written both as left and as right (with no second array and no correction that settles it), imaging guidance both as used and as not used, the approach both as percutaneous and as open, the device both as integrated and as having a separate generator, or stimulation testing both as done and as not done. One finding per topic, with each conflicting passage as a related location. The rule that would otherwise trust one reading (not-integrated, wrong-approach) stays quiet on that topic, because OpNote cannot know which reading is right.",
      why: 'A claim must rest on documentation that says one thing. When the note contradicts itself, guessing a side, a device type or an approach is exactly what a reviewer denies; the coder has to ask the physician (a documentation query) and have the note corrected or amended before the claim goes out. The finding is information, not a warning, because the conflict is a question, not a known error.',
      fix: 'Ask the physician which reading is right, then correct the note or add a signed addendum ("the correct laterality is right"). OpNote reads a correction as settling the side.',
      sources: ['AHIMA/ACDIS "Guidelines for Achieving a Compliant Query Practice" (2022 update): query when documentation is conflicting', '64596 fact sheet §1 (side, device type and approach select the code and modifiers)'],
      bad: 'Laterality: Left\n…\nThe right superficial peroneal nerve was identified under ultrasound.',
      good: 'Laterality: Right\n…\nThe right superficial peroneal nerve was identified under ultrasound.',
    },
  },
  check({ model, facts }, report) {
    if (!isNeurostimulationNote(facts)) return;
    for (const conflict of facts.conflicts) {
      const spans = conflict.readings.flatMap((reading) => reading.evidence.map((evidence) => evidence.span));
      if (spans.length === 0) continue;
      const first = spans.reduce((earliest, span) => (span.start < earliest.start ? span : earliest));
      report({
        span: sentenceAt(model, first.start),
        message: message(conflict),
        related: conflict.readings.flatMap((reading) =>
          reading.evidence.map((evidence) => ({ uri: model.uri, range: model.lines.rangeOf(evidence.span), message: `Written as ${reading.value} here.` })),
        ),
        data: { topic: conflict.topic, evidence: conflict.readings.map((reading) => ({ value: reading.value, spans: reading.evidence.map((evidence) => evidence.span) })) },
      });
    }
  },
};
