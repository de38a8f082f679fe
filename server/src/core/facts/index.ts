export { extractFacts, extractFactsInSteps } from './extract';
export { factsReport, type FactsReport } from './report';
export type * from './types';
export { NO_MEMO, RegionMemos } from './sentenceMemo';
