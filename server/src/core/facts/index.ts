export { extractFacts } from './extract';
export { factsReport, type FactsReport } from './report';
export type * from './types';
export { setRegionMemoLimits } from './sentenceMemo';
