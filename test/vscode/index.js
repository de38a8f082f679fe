// Entry point for --extensionTestsPath: runs the mocha suite inside a real VS Code extension host
// (either launcher: scripts/editors/vscode/run-offline.js or scripts/editors/vscode/run-electron.js).
// Plain CommonJS on purpose: the extension host loads it as is, with no build step.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

exports.run = function run() {
  // Each step waits on an event with its own deadline (helpers.js); this only bounds a whole test.
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60000 });
  Mocha.reporters.Base.useColors = false; // the output goes to a browser console and CI logs, not a terminal
  const suiteDir = path.join(__dirname, 'suite');
  const grep = process.env.OPNOTE_VSCODE_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(suiteDir).filter((f) => f.endsWith('.e2e.js')).sort()) mocha.addFile(path.join(suiteDir, file));
  console.log('OPNOTE_VSCODE_START'); // launchers echo the extension-host console from here to DONE
  return new Promise((resolve, reject) =>
    mocha.run((failures) => {
      // Launchers read this line (and the exit code VS Code hands back).
      console.log(`OPNOTE_VSCODE_DONE failures=${failures}`);
      failures ? reject(new Error(`${failures} test(s) failed`)) : resolve();
    }),
  );
};
