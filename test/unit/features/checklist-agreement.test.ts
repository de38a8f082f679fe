import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHECKLIST_RULES } from '../../../server/src/core/features/checklist';
import { inMemoryFileSystem } from '../../../server/src/core/service/fileSystem';
import { createLanguageService } from '../../../server/src/core/service/languageService';
import { DOCS_BASE, notesUnder } from '../../helpers/fixtures';

const ROOT = path.join(__dirname, '../../..');


/** `opnote checklist` and `opnote check` must tell a coder the same thing about every note. */
describe('checklist and diagnostics agree', () => {
  const service = createLanguageService({ fileSystem: inMemoryFileSystem({}), docsBaseUri: DOCS_BASE });
  const notes = ['test/fixtures', 'examples', 'test/corpus'].flatMap((dir) => notesUnder(path.join(ROOT, dir)));

  it(`on every fixture, example and corpus note (${notes.length})`, () => {
    assert.ok(notes.length > 100);
    const disagreements: string[] = [];
    for (const file of notes) {
      const document = { uri: `/w/${path.relative(ROOT, file)}`, version: 1, text: fs.readFileSync(file, 'utf8') };
      const checklist = service.checklist(document);
      if (!checklist) continue;
      const fired = new Set(service.analyze(document).findings.map((finding) => finding.rule.id));
      for (const item of checklist.items) {
        const { contradicts, missing } = CHECKLIST_RULES[item.id];
        const expected = contradicts.some((id) => fired.has(id)) ? '✗' : missing.some((id) => fired.has(id)) ? '!' : 'no finding';
        const shown = item.mark === '✗' || item.mark === '!' ? item.mark : 'no finding';
        if (shown !== expected) disagreements.push(`${path.relative(ROOT, file)} ${item.id}: checklist ${item.mark}, diagnostics ${expected}`);
      }
    }
    assert.deepEqual(disagreements, []);
  });
});
