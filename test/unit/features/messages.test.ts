import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nodeFileSystem } from '../../../server/src/node/nodeFileSystem';
import { fixtureService, sourceOf } from '../../helpers/fixtures';

const ROOT = path.join(__dirname, '../../..');
/** About what the Problems panel shows on one line; the why and the source go to the hover. */
const MAX_MESSAGE = 160;

function documentsUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return documentsUnder(full);
    return /\.(opnote|claim)$/.test(entry.name) ? [full] : [];
  });
}

describe('finding messages (issue 17)', function () {
  this.timeout(60000);
  // The repository is the workspace, so that every claim finds its note.
  const service = fixtureService(nodeFileSystem({ workspaceRoots: () => [ROOT] }));
  const documents = ['examples', 'test/fixtures', 'test/corpus'].flatMap((dir) => documentsUnder(path.join(ROOT, dir)));

  it(`fit the Problems panel on every example, fixture and corpus document (${documents.length})`, () => {
    const tooLong: string[] = [];
    let claimFindings = 0;
    for (const file of documents) {
      for (const finding of service.analyze(sourceOf(file)).findings) {
        if (finding.rule.appliesTo.includes('claim')) claimFindings++;
        if (finding.message.length > MAX_MESSAGE) tooLong.push(`${path.relative(ROOT, file)} ${finding.rule.id} (${finding.message.length}): ${finding.message}`);
      }
    }
    assert.ok(claimFindings > 100, `${claimFindings} claim findings`);
    assert.deepEqual(tooLong, []);
  });

  it('keep the why and the source for the hover on the finding', () => {
    const claim = path.join(ROOT, 'examples/flawed.claim');
    const analysis = service.analyze(sourceOf(claim));
    const explained = analysis.findings.find((finding) => finding.detail && /source/i.test(finding.detail));
    assert.ok(explained, 'a finding with its source in the detail');
    assert.ok(!explained.message.includes(explained.detail!), 'the detail is not repeated in the message');
    const position = analysis.model.lines.positionAt(explained.span.start);
    const hover = service.hover(sourceOf(claim), position);
    const text = (hover?.contents as { value: string } | undefined)?.value ?? '';
    assert.ok(text.includes(`**${explained.rule.id}**: ${explained.detail}`), text);
  });

  it('procedure-code-mismatch leaves a line to code-conflict when the line conflicts with the code the note supports', () => {
    const claim = path.join(ROOT, 'test/fixtures/claims/conflict-with-supported.claim');
    const rules = service.analyze(sourceOf(claim)).findings.map((finding) => finding.rule.id);
    assert.ok(rules.includes('code-conflict'));
    assert.ok(!rules.includes('procedure-code-mismatch'), rules.join(', '));
  });
});
