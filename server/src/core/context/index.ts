export { createContextEngine, type ContextEngine, type ContextResult } from './engine';
export { splitSentences, type SentenceSpan } from './sentences';
export {
  CONTEXT_CATEGORIES,
  DEFAULT_TRIGGERS,
  TRIGGER_ROLES,
  type ContextCategory, type Trigger, type TriggerKind, type TriggerRole } from './triggers';
