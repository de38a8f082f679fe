import type { NoteFacts, SupportedCode } from './types';

type CodeFacts = Omit<NoteFacts, 'codes' | 'conflicts' | 'nerveUnread' | 'imagingUnread' | 'lateralityUnread' | 'arraysUncounted' | 'mentions'>;

const one = (code: string, units = 1): SupportedCode => ({ code, units });

/**
 * The codes the documentation supports (fact sheet, "10 facts" 1-4): 64596 for the first or only
 * array of a percutaneous integrated peripheral-nerve system, 64597 per additional array, 64598 for
 * its revision or removal; for anything else the code family that fits, or none. Never 64596 for a
 * different system.
 */
/** What of an old conventional system was taken out in the session of a new integrated implant. */
export interface RemovedSystem {
  readonly generator: boolean;
  readonly array: boolean;
}

export const NOTHING_REMOVED: RemovedSystem = { generator: false, array: false };

/**
 * `removed`: the old conventional system's parts taken out beside a new integrated implant, coded
 * apart: 64585 for its array, 64595 for its generator (fact sheet §2).
 */
export function supportedCodes(facts: CodeFacts, bladderIndication: boolean, removed: RemovedSystem = NOTHING_REMOVED): SupportedCode[] {
  const { approach, target, procedure, integrated, arrays } = facts;
  if (!procedure || !target) return [];
  const count = arrays?.value ?? 1;
  const open = approach?.value === 'open';
  const kind = procedure.value;
  const revisionOrRemoval = kind === 'revision' || kind === 'removal';
  switch (target.value) {
    case 'peripheral-nerve': {
      if (bladderIndication && facts.nerve?.value === 'tibial' && integrated?.value !== false) {
        if (revisionOrRemoval) return [one(open ? '0818T' : '0588T')];
        return [one(open ? '0816T' : '0587T')];
      }
      if (kind === 'trial') return [one('64555', count)];
      if (integrated?.value === false) {
        if (revisionOrRemoval) return [one('64585'), one('64595')];
        return [one(open ? '64575' : '64555', count), one('64590')];
      }
      if (revisionOrRemoval) return [one(open ? '64585' : '64598')];
      if (open) return [one('64575', count)];
      const oldSystem = [...(removed.array ? [one('64585')] : []), ...(removed.generator ? [one('64595')] : [])];
      return [...(count > 1 ? [one('64596'), one('64597', count - 1)] : [one('64596')]), ...oldSystem];
    }
    case 'spinal-cord':
      if (revisionOrRemoval) return [];
      return integrated?.value === false && kind !== 'trial' ? [one('63650', count), one('63685')] : [one('63650', count)];
    case 'sacral-nerve':
      if (revisionOrRemoval) return [];
      return integrated?.value === false && kind !== 'trial' ? [one(open ? '64581' : '64561'), one('64590')] : [one(open ? '64581' : '64561')];
    case 'cranial-nerve':
      return revisionOrRemoval || kind === 'trial' ? [] : [one('64568')];
    default:
      return [];
  }
}
