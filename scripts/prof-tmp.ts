import { benchCorpus } from './bench/corpus';
import { createLanguageService } from '../server/src/core/service/languageService';
const corpus = benchCorpus()!;
const texts = (corpus as any).notes ? (corpus as any).notes.map((n: any) => n.text ?? n) : (corpus as any).texts;
const service = createLanguageService({ fileSystem: { readFile: () => undefined }, docsBaseUri: 'https://x.invalid/', cacheSize: 16, readsOnce: true });
const passes = Number(process.argv[2] ?? 6);
for (let p = 0; p < passes; p++) {
  const t = process.cpuUsage();
  texts.forEach((text: string, i: number) => service.analyze({ uri: `/b/${i}.opnote`, version: p + 1, text }));
  const u = process.cpuUsage(t);
  console.log(`pass ${p}: ${((u.user + u.system) / 1000).toFixed(0)} ms`);
}
