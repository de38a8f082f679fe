// An X12 837 file opens as the x12 language and gets diagnostics on its segments, hovers and an outline.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('../helpers');

describe('OpNote on X12 837 files in VS Code', function () {
  it('gives an .837 file the x12 language, diagnostics on its segments, segment hovers and an outline', async () => {
    const document = await h.openFixture('batch.837');
    assert.equal(document.languageId, 'x12');
    const diagnostics = await h.waitForDiagnostics(document.uri, (found) => h.find(found, 'imaging-bundled') !== undefined, 'imaging-bundled on the 77002 of the third claim');
    // Only the third claim bills 77002 with 64596; the second claim's 77002 (line 29) stands alone.
    assert.deepEqual(diagnostics.filter((d) => h.ruleOf(d) === 'imaging-bundled').map((d) => [d.range.start.line, d.range.start.character]), [[40, 7]]);
    assert.match(await h.hoverText(document.uri, 16, 1), /Claim information/);
    const symbols = await h.within('document symbols', vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri));
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['Interchange 000000001']);
    assert.deepEqual(symbols[0].children.map((claim) => claim.name), ['Claim PCN1001', 'Claim PCN1002', 'Claim PCN1003']);
  });
});
