import * as assert from 'node:assert/strict';
import { extractFacts, extractFactsInSteps, RegionMemos } from '../../../server/src/core/facts';
import { parseDocument } from '../../../server/src/core/parse/parseDocument';
import { inMemoryFileSystem } from '../../../server/src/core/service/fileSystem';
import { createLanguageService } from '../../../server/src/core/service/languageService';
import { finish } from '../../../server/src/core/text/steps';
import { projectDocuments } from '../../helpers/corpus';
import { PATHOLOGICAL_INPUTS } from '../../helpers/pathological';

/**
 * The language server checks a document in steps (analyzeInSteps) and the CLI in one go (analyze):
 * both must give the same analysis, and a request that arrives between two steps (a hover on the
 * note being checked) must get the full answer at once, which the rest of the run then reuses.
 */
const service = () => createLanguageService({ fileSystem: inMemoryFileSystem({}), docsBaseUri: 'file:///docs/' });
const dense = PATHOLOGICAL_INPUTS.find((input) => input.name === 'long sentence without periods')!.text(16 * 1024);
// The examples and the facts fixtures: notes and claims of every kind the facts read, and quick.
const documents = [...projectDocuments().filter((doc) => /^(examples|test\/fixtures\/facts)\//.test(doc.name)), { name: 'dense.opnote', kind: 'opnote' as const, text: dense }];

describe('service: checking in steps', () => {
  it('gives the facts extractFacts gives, on the examples, the facts fixtures and a dense note', () => {
    for (const document of documents.filter((doc) => doc.kind === 'opnote')) {
      const model = parseDocument({ uri: document.name, version: 1, text: document.text });
      assert.deepEqual(finish(extractFactsInSteps(model, new RegionMemos())), extractFacts(model), document.name);
    }
  });

  it('gives the diagnostics analyze gives, on the examples, the facts fixtures and a dense note', () => {
    const stepwise = service();
    const oneGo = service();
    for (const document of documents) {
      const source = { uri: `file:///w/${document.name}`, version: 1, text: document.text, kindHint: document.kind };
      assert.deepEqual(finish(stepwise.analyzeInSteps(source)).diagnostics, oneGo.analyze(source).diagnostics, document.name);
    }
  });

  it('answers a request between two steps at once, and the run then ends with that same analysis', () => {
    const checker = service();
    const source = { uri: 'file:///w/dense.opnote', version: 1, text: dense };
    const steps = checker.analyzeInSteps(source);
    for (let i = 0; i < 20; i++) assert.equal(steps.next().done, false, 'a dense note takes more than 20 steps');
    const hover = checker.hover(source, { line: 5, character: 100 });
    const analysis = checker.analyze(source);
    let remaining = 0;
    let last = steps.next();
    for (; !last.done; last = steps.next()) remaining++;
    assert.equal(last.value, analysis);
    assert.ok(remaining <= 2, `${remaining} steps after the request finished the check`);
    assert.deepEqual(hover, service().hover(source, { line: 5, character: 100 }));
  });
});
