// A preload (`NODE_OPTIONS=--require test/helpers/configReadRecorder.cjs`) that writes down every
// attempt to read or list an OpNote configuration file (.opnoterc.json, .opnote/payers/) into the file
// named by $OPNOTE_READ_LOG, so a test can assert that an untrusted workspace's files are never read.
'use strict';
const fs = require('node:fs');

const LOG = process.env.OPNOTE_READ_LOG;
const CONFIG = /\.opnoterc|\.opnote[\\/]payers/;
const append = fs.appendFileSync;

function record(what, target) {
  const name = typeof target === 'string' ? target : Buffer.isBuffer(target) ? target.toString() : target instanceof URL ? target.pathname : '';
  if (LOG && CONFIG.test(name)) append(LOG, `${what} ${name}\n`);
}

for (const name of ['readFileSync', 'readdirSync', 'statSync', 'lstatSync', 'existsSync', 'openSync', 'readFile', 'readdir', 'stat', 'open']) {
  const original = fs[name];
  if (typeof original !== 'function') continue;
  fs[name] = function (target, ...rest) {
    record(name, target);
    return original.call(this, target, ...rest);
  };
}
for (const name of ['readFile', 'readdir', 'stat', 'open']) {
  const original = fs.promises[name];
  fs.promises[name] = function (target, ...rest) {
    record(`promises.${name}`, target);
    return original.call(this, target, ...rest);
  };
}
