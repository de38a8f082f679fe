// `npm run test:unit`: the in-process tests (see scripts/test-suites.cjs), with process starts refused.
'use strict';
const base = require('./.mocharc.json');
const { suites } = require('./scripts/test-suites.cjs');

module.exports = { ...base, require: [...base.require, './test/helpers/noProcesses.cjs'], spec: suites().unit };
