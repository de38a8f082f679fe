import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

interface ImportStatement {
  readonly file: string;
  readonly module: string;
  readonly typeOnly: boolean;
}

function imports(file: string): ImportStatement[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: ImportStatement[] = [];
  for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    found.push({ file: path.relative(ROOT, file), module: match[3], typeOnly: Boolean(match[2]) });
  }
  for (const match of text.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push({ file: path.relative(ROOT, file), module: match[1], typeOnly: false });
  }
  return found;
}

const NODE_BUILTINS = /^(node:|fs$|path$|url$|os$|child_process$|http$|https$|net$|dns$|tls$|dgram$|worker_threads$)/;
const NETWORK = /^(node:)?(http|https|net|dns|tls|dgram|http2)$/;

describe('architecture invariants (ARCHITECTURE.md)', () => {
  const core = sourceFiles(path.join(ROOT, 'server/src/core')).flatMap(imports);

  it('the core imports nothing from vscode or the LSP connection, only protocol types', () => {
    const offending = core.filter(
      (statement) =>
        statement.module === 'vscode' ||
        statement.module.startsWith('vscode-languageserver/') ||
        statement.module === 'vscode-languageserver' ||
        statement.module.startsWith('vscode-jsonrpc') ||
        (statement.module === 'vscode-languageserver-types' && !statement.typeOnly),
    );
    assert.deepEqual(offending, []);
  });

  it('the core touches no Node API (files arrive through the injected reader)', () => {
    assert.deepEqual(core.filter((statement) => NODE_BUILTINS.test(statement.module)), []);
  });

  it('only the client imports vscode', () => {
    const server = sourceFiles(path.join(ROOT, 'server/src')).flatMap(imports);
    assert.deepEqual(server.filter((statement) => statement.module === 'vscode'), []);
  });

  it('only the safe reader reads files by path (server/src/node/safeRead.ts)', () => {
    // fs.readFileSync(0, ...) reads stdin, which is no path.
    const readers = sourceFiles(path.join(ROOT, 'server/src')).filter((file) => /\bfs\.(promises\.)?(readFileSync|readFile|openSync|open|createReadStream)\((?!0,)/.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(readers.map((file) => path.relative(ROOT, file)), ['server/src/node/safeRead.ts']);
  });

  it('nothing in the product opens network connections', () => {
    const all = [...sourceFiles(path.join(ROOT, 'server/src')), ...sourceFiles(path.join(ROOT, 'client/src'))];
    assert.deepEqual(all.flatMap(imports).filter((statement) => NETWORK.test(statement.module)), []);
    const fetches = all.filter((file) => /\bfetch\(|XMLHttpRequest|WebSocket\(/.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(fetches, []);
  });
});
