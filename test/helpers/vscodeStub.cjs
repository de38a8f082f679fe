// A stand-in for the `vscode` module, enough to load dist/client.js (and call into it) outside VS Code:
// every property is a constructible, callable stub whose properties are stubs again. Preload it with
// `node --require test/helpers/vscodeStub.cjs`; `require('vscode')` then returns the stub.
'use strict';
const Module = require('node:module');

function stub(name) {
  const target = function () {};
  const children = new Map();
  return new Proxy(target, {
    get(object, property) {
      if (property === 'prototype') return object.prototype;
      if (property === Symbol.toPrimitive) return () => `[vscode stub ${name}]`;
      if (property === 'then') return undefined; // not a promise
      if (!children.has(property)) children.set(property, stub(`${name}.${String(property)}`));
      return children.get(property);
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`),
  });
}

const vscode = stub('vscode');
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};
