// Why the note supports the codes it does: the fact that decides it and its evidence, for messages and
// related locations (mirrors facts/codes.ts supportedCodes).
import type { Evidence, NoteFacts } from '../facts/types';
import type { Knowledge } from '../knowledge';
import { affirmedEvidence, codeEntry } from './claim';

export interface SupportReason {
  /** "documents a revision of the system" */
  readonly text: string;
  readonly evidence?: Evidence;
}

const TARGET_WORDS: Record<string, string> = {
  'spinal-cord': 'a spinal cord target',
  'dorsal-root-ganglion': 'a dorsal root ganglion target',
  'sacral-nerve': 'a sacral nerve target',
  'cranial-nerve': 'a cranial nerve target',
  brain: 'a brain target',
  other: 'a target that is not a peripheral nerve',
};

export function supportReason(facts: NoteFacts, knowledge: Knowledge): SupportReason {
  const { target, procedure, integrated, approach } = facts;
  const reason = (text: string, evidence: readonly Evidence[] | undefined): SupportReason => {
    const first = affirmedEvidence(evidence);
    return first ? { text, evidence: first } : { text };
  };
  if (target && target.value !== 'peripheral-nerve') return reason(`documents ${TARGET_WORDS[target.value] ?? 'another target'}`, target.evidence);
  if (facts.codes.some((code) => codeEntry(knowledge, code.code)?.family === 'tibial-integrated') && facts.nerve) return reason('documents an integrated tibial-nerve system for bladder dysfunction', facts.nerve.evidence);
  if (procedure?.value === 'trial') return reason('documents a temporary trial, not a permanent implant', procedure.evidence);
  if (integrated?.value === false) return reason('documents a separate pulse generator, not an integrated system', integrated.evidence);
  if (procedure?.value === 'revision' || procedure?.value === 'removal') return reason(`documents a ${procedure.value} of the system`, procedure.evidence);
  if (approach?.value === 'open') return reason('documents an open (incisional) approach', approach.evidence);
  if (procedure) return reason(`documents ${procedure.value === 'replacement' ? 'a replacement' : 'an insertion'} of an integrated percutaneous system`, procedure.evidence);
  return { text: 'documents the procedure' };
}
