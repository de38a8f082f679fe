import * as assert from 'node:assert/strict';
import type { FileSystem, ReadOptions, ReadRefusal } from '../../../server/src/core/service/fileSystem';
import { createLanguageService } from '../../../server/src/core/service/languageService';
import { DOCS_BASE } from '../../helpers/fixtures';

/** How a claim reports a note the reader refused; the core sees only the refusal, never the file. */
const claimNaming = (note: string) => `payer: Medicare\ndos: 2026-03-14\npos: 24\nnote: ${note}\n\ndx: G57.82\n64596-LT x1 ptr:A\n`;

function refusingService(refused: ReadRefusal) {
  const asked: Array<{ path: string; options?: ReadOptions }> = [];
  const fileSystem: FileSystem = {
    readFile: (path, options) => {
      asked.push({ path, ...(options ? { options } : {}) });
      return { refused };
    },
  };
  return { service: createLanguageService({ fileSystem, docsBaseUri: DOCS_BASE }), asked };
}

const findings = (service: ReturnType<typeof refusingService>['service'], note: string) =>
  service.analyze({ uri: 'file:///w/claims/a.claim', version: 1, text: claimNaming(note), kindHint: 'claim' }).findings.filter((finding) => finding.rule.id.startsWith('note-'));

describe('service: the note a claim names is read only inside the workspace, within a size cap', () => {
  it('asks the reader for the note inside the workspace (the claim\'s folder by default) with the note cap', () => {
    const { service, asked } = refusingService('missing');
    findings(service, '../notes/left.opnote');
    assert.deepEqual(asked.find((entry) => entry.path === '/w/notes/left.opnote')?.options, { maxBytes: 1024 * 1024, insideWorkspace: { defaultRoot: '/w/claims' } });
  });

  it('outside the workspace: note-outside-workspace, short even for a long path', () => {
    const { service } = refusingService('outside-workspace');
    const [finding] = findings(service, `../../${'a/'.repeat(500)}x.opnote`);
    assert.equal(finding.rule.id, 'note-outside-workspace');
    assert.match(finding.message, /is outside the workspace, so OpNote did not read it/);
    assert.ok(finding.message.length < 250, `${finding.message.length} characters`);
  });

  for (const [refused, clue] of [
    ['not-a-file', /not read: it is not a regular file/],
    ['too-large', /not read: it is larger than 1 MB/],
    ['too-slow', /not read: reading it took too long/],
    ['unreadable', /not read: it cannot be read/],
  ] as const) {
    it(`${refused}: note-missing says why`, () => {
      const [finding] = findings(refusingService(refused).service, 'left.opnote');
      assert.equal(finding.rule.id, 'note-missing');
      assert.match(finding.message, clue);
    });
  }

  it('no checklist from a note that was not read', () => {
    const { service } = refusingService('outside-workspace');
    assert.equal(service.checklist({ uri: 'file:///w/claims/a.claim', version: 1, text: claimNaming('/etc/passwd'), kindHint: 'claim' }), null);
  });
});
