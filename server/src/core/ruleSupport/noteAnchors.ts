import { splitSentences } from '../assertion';
import { textWithoutComments } from '../facts/regions';
import type { ConceptMention, ConflictTopic, Evidence, NoteFacts } from '../facts/types';
import type { DocumentModel, Section } from '../parse/model';
import { sectionDisplayTitle } from '../parse/sectionSynonyms';
import type { Span } from '../text/span';
import type { SpanEdit } from '../linting/types';

/** A note that describes a neurostimulator procedure at all; the 64596 rules stay quiet on other surgery. */
export function isNeurostimulationNote(facts: NoteFacts | undefined): facts is NoteFacts {
  return facts !== undefined && (facts.procedure !== null || facts.target !== null);
}

/** The note contradicts itself on the topic: documentation-conflict says so, and the rule that would trust one reading stays quiet. */
export function hasConflict(facts: NoteFacts, topic: ConflictTopic): boolean {
  return facts.conflicts.some((conflict) => conflict.topic === topic);
}

/** A note whose procedure could be 64596: a peripheral-nerve implant (or one whose target is not named). */
export function isPeripheralImplant(facts: NoteFacts | undefined): facts is NoteFacts {
  return (
    isNeurostimulationNote(facts) &&
    (facts.target === null || facts.target.value === 'peripheral-nerve') &&
    (facts.procedure === null || facts.procedure.value === 'insertion' || facts.procedure.value === 'replacement')
  );
}

/**
 * Whether the note offers options for a field and leaves them all unchosen ("Side: ☐ Left ☐ Right",
 * "Guidance: [ ] US [ ] Fluoro"): the gap is then the note's, not a reading OpNote may have missed.
 */
export function leftUnchosen(facts: NoteFacts, field: ConceptMention['field']): boolean {
  return facts.mentions.some((mention) => mention.field === field && mention.status === 'unchosen');
}

export function firstSection(model: DocumentModel, ids: readonly string[]): Section | undefined {
  for (const id of ids) {
    const section = model.sections.find((candidate) => candidate.id === id);
    if (section) return section;
  }
  return undefined;
}

/** Where a missing element belongs: the heading of the first section that exists, else the first line of the body. */
export function anchorFor(model: DocumentModel, ids: readonly string[]): Span {
  const section = firstSection(model, ids);
  if (section) return section.titleSpan;
  const bodyLine = model.header.span.end > 0 ? model.lines.lineAt(model.header.span.end) + 1 : 0;
  const line = Math.min(bodyLine, model.lines.lineCount - 1);
  const span = model.lines.lineSpan(line);
  return span.end > span.start ? span : model.lines.lineSpan(0);
}

/** The sentence around an offset (for diagnostics that sit on the sentence that says it). */
export function sentenceAt(model: DocumentModel, offset: number): Span {
  const section = model.sections.find((candidate) => candidate.bodySpan.start <= offset && offset <= candidate.bodySpan.end);
  const region = section ? section.bodySpan : { start: model.header.span.end, end: model.sections[0]?.span.start ?? model.text.length };
  return splitSentences(textWithoutComments(model), region.start, region.end).find((sentence) => sentence.start <= offset && offset < sentence.end) ?? { start: offset, end: offset };
}

export function firstEvidenceSentence(model: DocumentModel, evidence: readonly Evidence[]): Span | undefined {
  const first = evidence[0];
  return first ? sentenceAt(model, first.span.start) : undefined;
}

/**
 * Adds text as a new line at the end of a section (the first of `ids` that exists), or, when none
 * exists, a new section with that text at the end of the note in the note's heading style.
 */
export function appendToSection(model: DocumentModel, ids: readonly string[], text: string): SpanEdit {
  const eol = model.lines.lineBreak;
  const section = firstSection(model, ids);
  if (section) {
    const body = model.text.slice(section.bodySpan.start, section.bodySpan.end);
    const end = section.bodySpan.start + body.trimEnd().length;
    return { span: { start: end, end }, newText: `${eol}${text}` };
  }
  return appendSection(model, ids[0], text);
}

export function appendSection(model: DocumentModel, id: string, text: string): SpanEdit {
  const eol = model.lines.lineBreak;
  const title = sectionDisplayTitle(id);
  const markdown = model.sections.some((section) => section.style === 'markdown');
  const heading = markdown ? `## ${title}${eol}${text}` : `${title.toUpperCase()}: ${text}`;
  const end = model.text.trimEnd().length;
  return { span: { start: end, end: model.text.length }, newText: `${eol}${eol}${heading}${eol}` };
}
