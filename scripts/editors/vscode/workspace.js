// Builds what every VS Code launcher needs, inside one run folder (nothing in the home directory):
// a scratch workspace copied from test/editors/fixtures with the scenario settings, and a user
// settings file that keeps the workbench quiet (no trust prompt, welcome page, AI or update checks).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(REPO, 'test/editors/fixtures');

const QUIET_USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'git.enabled': false,
  'files.autoSave': 'off',
};

/** scenarios.json settings ({ opnote: { validation: { delay } , rules } }) as settings.json keys. */
function flattenOpnoteSettings(settings) {
  const out = {};
  const opnote = (settings && settings.opnote) || {};
  for (const [key, value] of Object.entries(opnote)) {
    // `opnote.rules` is one object-valued setting; the others are grouped by dots.
    if (key !== 'rules' && value && typeof value === 'object') {
      for (const [sub, subValue] of Object.entries(value)) out[`opnote.${key}.${sub}`] = subValue;
    } else out[`opnote.${key}`] = value;
  }
  return out;
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

/** Creates <runDir>/workspace and <userDataDir>/User/settings.json; returns the workspace path. */
function prepareWorkspace(runDir, userDataDir) {
  const workspace = path.join(runDir, 'workspace');
  // The fixtures without the scenario table: the workspace shows only what a user would open.
  fs.cpSync(FIXTURES, workspace, { recursive: true, filter: (source) => path.basename(source) !== 'scenarios.json' });
  const scenarios = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'scenarios.json'), 'utf8'));
  writeJson(path.join(workspace, '.vscode/settings.json'), flattenOpnoteSettings(scenarios.settings));
  if (userDataDir) writeJson(path.join(userDataDir, 'User/settings.json'), QUIET_USER_SETTINGS);
  return workspace;
}

module.exports = { REPO, QUIET_USER_SETTINGS, flattenOpnoteSettings, prepareWorkspace };
