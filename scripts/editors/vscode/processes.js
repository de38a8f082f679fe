// Child processes for the VS Code launchers: each server runs in a process group of its own and is
// killed as a group (server, extension host, language server) on every way out, including crashes.
'use strict';
const { spawn } = require('node:child_process');
const net = require('node:net');

const groups = new Set();
const killAll = () => {
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  groups.clear();
};
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(1)); // 'exit' then kills

/** Starts `command` detached (its own group) and resolves once its output matches `ready`. */
function startServer(command, args, { env, ready, timeoutMs, log }) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env });
  groups.add(child.pid);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} not ready within ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      if (log) log(String(chunk));
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, stop: () => stopGroup(child.pid) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code ?? signal}) before it was ready:\n${output.slice(-2000)}`));
    });
  });
}

function stopGroup(pid) {
  if (!groups.has(pid)) return;
  groups.delete(pid);
  try {
    process.kill(-pid, 'SIGKILL'); // the test already has its answer: nothing left to save
  } catch {
    /* already gone */
  }
}

/** A free loopback port (the OS picks; released just before the server binds it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Rejects after `ms` with `message`; `clear()` disarms it. A watchdog, not a sleep. */
function deadline(ms, message) {
  let timer;
  const promise = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return { promise, clear: () => clearTimeout(timer) };
}

module.exports = { startServer, freePort, deadline, killAll };
