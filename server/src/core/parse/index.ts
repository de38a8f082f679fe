export * from './model';
export { parseDocument, kindFromUri, type SourceDocument } from './parseDocument';
export { HEADER_KEYS, resolveHeaderKey, normalizeKey, type HeaderKeyInfo } from './headerKeys';
export { SECTION_SYNONYMS, canonicalSectionId, sectionDisplayTitle } from './sectionSynonyms';
export { parseServiceDate } from './dates';
export { normalizeIcd10 } from './claimLines';
