export { createAssertionEngine, type AssertionEngine, type AssertionStatus } from './engine';
export { splitSentences, type SentenceSpan } from './sentences';
export {
  ASSERTION_CATEGORIES,
  DEFAULT_TRIGGERS,
  TRIGGER_ROLES,
  type AssertionCategory, type Trigger, type TriggerKind, type TriggerRole } from './triggers';
