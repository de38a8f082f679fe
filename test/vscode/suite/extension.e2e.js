// The extension under test is the one that answers: it activates on a note and is the repo's version.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');
const h = require('../helpers');

describe('OpNote extension in VS Code', function () {
  it('activates on an .opnote file and runs the version in package.json', async () => {
    await h.openFixture(h.scenarios.documents[0].file);
    const extension = vscode.extensions.getExtension('opnote.opnote');
    assert.ok(extension, 'opnote.opnote is not installed in this extension host');
    await h.within('activation', extension.activate());
    assert.ok(extension.isActive);
    const expected = require(path.join(__dirname, '../../../package.json')).version;
    assert.equal(extension.packageJSON.version, expected);
  });
});
