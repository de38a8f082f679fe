/**
 * Where the checking time goes, in this process: parse, facts, rules, over the whole corpus, set up
 * as `opnote check` runs (no memo of unchanged regions). The first pass is cold (what one CLI run
 * pays, JIT warm-up included); the best of the next passes is the steady state.
 */
import { extractFacts } from '../../server/src/core/facts';
import { parseDocument } from '../../server/src/core/parse/parseDocument';
import { createLanguageService } from '../../server/src/core/service/languageService';
import { ms, print, table } from './util';

export interface StagesResult {
  readonly coldAnalyzeMs: number;
  readonly warm: { readonly analyzeMs: number; readonly parseMs: number; readonly factsMs: number; readonly rulesMs: number };
}

export function stages(texts: readonly string[], passes: number): StagesResult {
  // As `opnote check` runs: every note read once, so no memo of unchanged regions (an editor's).
  const service = createLanguageService({ fileSystem: { readFile: () => undefined }, docsBaseUri: 'https://opnote.invalid/docs/rules/', cacheSize: 16, readsOnce: true });
  const cpu = (work: () => void) => {
    const before = process.cpuUsage();
    work();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
  const analyzeAll = (version: number) => cpu(() => texts.forEach((text, i) => service.analyze({ uri: `/bench/${i}.opnote`, version, text })));
  const cold = analyzeAll(1);
  const analyze: number[] = [];
  const parse: number[] = [];
  const facts: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    analyze.push(analyzeAll(pass + 2));
    let models: ReturnType<typeof parseDocument>[] = [];
    parse.push(cpu(() => (models = texts.map((text, i) => parseDocument({ uri: `/bench/${i}.opnote`, version: 1, text })))));
    facts.push(cpu(() => models.forEach((model) => extractFacts(model))));
  }
  const warm = { analyzeMs: Math.min(...analyze), parseMs: Math.min(...parse), factsMs: Math.min(...facts), rulesMs: 0 };
  warm.rulesMs = Math.max(0, warm.analyzeMs - warm.parseMs - warm.factsMs);
  print(
    table([
      ['stage (CPU time, whole corpus)', 'cold (1st pass)', `warm (best of ${passes})`],
      ['analyze = parse + facts + rules + diagnostics', ms(cold, 0), ms(warm.analyzeMs, 0)],
      ['  parse (header, sections, codes, claim lines)', '', ms(warm.parseMs, 0)],
      ['  facts (sentences, concepts, ConText)', '', ms(warm.factsMs, 0)],
      ['  the rest: rules, diagnostics, caches (analyze - parse - facts)', '', ms(warm.rulesMs, 0)],
    ]),
  );
  return { coldAnalyzeMs: cold, warm };
}
