// A preload (`node --require test/helpers/netGuard.cjs`, or NODE_OPTIONS) that makes every way out of
// the process fail loudly: sockets, DNS, HTTP(S), HTTP/2, TLS, UDP, fetch, WebSocket and child
// processes (but the CLI launcher's start of its own bundle). Each attempt is appended to the file named by $OPNOTE_NET_LOG (one line: pid, what,
// arguments) and then throws, so a test can assert that nothing tried. Worker threads inherit the
// preload through NODE_OPTIONS / execArgv.
'use strict';
const fs = require('node:fs');

const LOG = process.env.OPNOTE_NET_LOG;

function describe(args) {
  try {
    return JSON.stringify(Array.from(args, (arg) => (typeof arg === 'function' ? '[function]' : arg))).slice(0, 300);
  } catch {
    return '[unprintable arguments]';
  }
}

function blocked(what, args) {
  if (LOG) fs.appendFileSync(LOG, `${process.pid} ${what} ${describe(args)}\n`);
  const error = new Error(`network guard: ${what} is not allowed in this test`);
  error.code = 'EOPNOTE_NO_NETWORK';
  throw error;
}

function guard(target, names, prefix) {
  for (const name of names) {
    if (typeof target[name] !== 'function') continue;
    Object.defineProperty(target, name, {
      configurable: true,
      writable: true,
      value: function guarded() {
        return blocked(`${prefix}.${name}`, arguments);
      },
    });
  }
}

const net = require('node:net');
guard(net, ['connect', 'createConnection'], 'net');
guard(net.Socket.prototype, ['connect'], 'net.Socket');

const dns = require('node:dns');
const DNS = ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse'];
guard(dns, DNS, 'dns');
guard(dns.promises, DNS, 'dns.promises');
guard(dns.Resolver.prototype, DNS, 'dns.Resolver');
guard(dns.promises.Resolver.prototype, DNS, 'dns.promises.Resolver');

for (const name of ['http', 'https']) {
  const module = require(`node:${name}`);
  guard(module, ['request', 'get'], name);
  guard(module.Agent.prototype, ['createConnection'], `${name}.Agent`);
}
guard(require('node:http2'), ['connect'], 'http2');
guard(require('node:tls'), ['connect'], 'tls');
guard(require('node:dgram'), ['createSocket'], 'dgram');
const childProcess = require('node:child_process');
const spawnSyncUnguarded = childProcess.spawnSync;
guard(childProcess, ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'], 'child_process');
// The CLI's launcher starts Node again on the CLI's own bundle (a V8 flag needs a fresh process): that
// one start is allowed, and the new process loads this guard too (NODE_OPTIONS is inherited).
const ownBundle = (command, args) => command === process.execPath && Array.isArray(args) && args.some((arg) => typeof arg === 'string' && /[\\/]dist[\\/]cli-main\.js$/.test(arg));
Object.defineProperty(childProcess, 'spawnSync', {
  configurable: true,
  writable: true,
  value: function guarded(command, args) {
    return ownBundle(command, args) ? spawnSyncUnguarded.apply(this, arguments) : blocked('child_process.spawnSync', arguments);
  },
});

for (const name of ['fetch', 'WebSocket', 'EventSource']) {
  if (typeof globalThis[name] === 'function') {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      writable: true,
      value: function guarded() {
        return blocked(name, arguments);
      },
    });
  }
}
