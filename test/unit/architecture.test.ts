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
}

function imports(file: string): ImportStatement[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: ImportStatement[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)\s+(?:type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    found.push({ file: path.relative(ROOT, file), module: match[1] });
  }
  for (const match of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) {
    found.push({ file: path.relative(ROOT, file), module: match[1] });
  }
  for (const match of text.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push({ file: path.relative(ROOT, file), module: match[1] });
  }
  return found;
}

const SERVER = path.join(ROOT, 'server/src');

/**
 * The layers of server/src, lowest first; a file may import its own layer or a lower one, never a
 * higher one (type imports count). Layers that share a rank are peers and may not import each other.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['core/text'],
  ['core/prefilter'],
  ['core/assertion'],
  ['core/parse'],
  ['core/knowledge'],
  ['core/facts'],
  ['core/linting'],
  ['core/ruleSupport'],
  ['core/rules'],
  ['core/features'],
  ['core/service'],
  ['protocol.ts'],
  ['node'],
  ['lsp', 'cli'],
];


interface LayerPosition {
  readonly folder: string;
  readonly rank: number;
}

function layerOf(relative: string): LayerPosition | undefined {
  let best: LayerPosition | undefined;
  LAYERS.forEach((folders, rank) => {
    for (const folder of folders) {
      const inside = relative === folder || relative.startsWith(`${folder}/`);
      if (inside && (!best || folder.length > best.folder.length)) best = { folder, rank };
    }
  });
  return best;
}

/** The server file a relative import names, relative to server/src (extension and index resolved). */
function resolveImport(fromRelative: string, module: string): string | undefined {
  const base = path.join(SERVER, path.dirname(fromRelative), module);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return path.relative(SERVER, candidate).split(path.sep).join('/');
  }
  return undefined;
}

interface ServerEdge {
  readonly from: string;
  readonly to: string;
}

function serverEdges(): ServerEdge[] {
  return sourceFiles(SERVER).flatMap((file) => {
    const from = path.relative(SERVER, file).split(path.sep).join('/');
    return imports(file)
      .filter((statement) => statement.module.startsWith('.'))
      .flatMap((statement) => {
        const to = resolveImport(from, statement.module);
        return to && !to.endsWith('.json') ? [{ from, to }] : [];
      });
  });
}

/**
 * Import cycles among server files: for each strongly connected component, one shortest cycle through
 * its first file, written `a -> b -> a`.
 */
function importCycles(edges: readonly ServerEdge[]): string[] {
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  function visit(node: string): void {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (next.get(node) ?? []).includes(node)) components.push(component.sort());
  }
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => {
    const members = new Set(component);
    const start = component[0]!;
    const cameFrom = new Map<string, string>();
    const queue = [start];
    for (let at = 0; at < queue.length; at++) {
      for (const target of next.get(queue[at]!) ?? []) {
        if (!members.has(target) || cameFrom.has(target)) continue;
        cameFrom.set(target, queue[at]!);
        queue.push(target);
      }
    }
    const path = [start];
    for (let node = cameFrom.get(start)!; node !== start; node = cameFrom.get(node)!) path.unshift(node);
    return [start, ...path].join(' -> ');
  });
}

const NODE_BUILTINS = /^(node:|fs$|path$|url$|os$|child_process$|http$|https$|net$|dns$|tls$|dgram$|worker_threads$)/;
const NETWORK = /^(node:)?(http|https|net|dns|tls|dgram|http2)$/;

describe('architecture invariants (ARCHITECTURE.md)', () => {
  const core = sourceFiles(path.join(ROOT, 'server/src/core')).flatMap(imports);

  it('the core imports nothing from vscode or the LSP connection, only the protocol types package', () => {
    const offending = core.filter(
      (statement) =>
        statement.module === 'vscode' ||
        statement.module.startsWith('vscode-languageserver/') ||
        statement.module === 'vscode-languageserver' ||
        statement.module.startsWith('vscode-jsonrpc') ||
        statement.module === 'vscode-languageserver-protocol',
    );
    assert.deepEqual(offending, []);
  });

  it('the core touches no Node API (files arrive through the injected reader)', () => {
    assert.deepEqual(core.filter((statement) => NODE_BUILTINS.test(statement.module)), []);
  });

  it('every import in server/src points down the layer table, type imports included', () => {
    const edges = serverEdges();
    const unplaced = [...new Set(edges.flatMap((edge) => [edge.from, edge.to]))].filter((file) => !layerOf(file));
    assert.deepEqual(unplaced, [], 'every server file belongs to a layer of the table');
    const breaches = edges.filter((edge) => {
      const from = layerOf(edge.from)!;
      const to = layerOf(edge.to)!;
      return to.rank > from.rank || (to.rank === from.rank && to.folder !== from.folder);
    });
    assert.deepEqual(
      breaches.map((edge) => `${edge.from} -> ${edge.to}`),
      [],
      'a layer imports only from itself and the layers below it',
    );
  });

  it('server/src has no import cycle, type imports included', () => {
    assert.deepEqual(importCycles(serverEdges()), []);
  });

  it('source modules are camelCase; only rule files, named by their rule id, are kebab-case', () => {
    const sources = [...sourceFiles(SERVER), ...sourceFiles(path.join(ROOT, 'client/src'))].map((file) => path.relative(ROOT, file).split(path.sep).join('/'));
    const misnamed = sources.filter((file) => {
      const name = path.basename(file);
      return file.startsWith('server/src/core/rules/') ? !/^[a-z0-9]+(-[a-z0-9]+)*(\.generated)?\.ts$/.test(name) : !/^[a-z][A-Za-z0-9]*(\.generated)?\.ts$/.test(name);
    });
    assert.deepEqual(misnamed, []);
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

  it('the core keeps no module-level mutable state: caches belong to a language-service instance (issue 11)', () => {
    // A top-level `let`, or an empty Map / WeakMap filled later, is state every service would share.
    const STATE = /^(?:export )?(?:let \w|(?:const|let) \w+(?:: [^=]+)? = new (?:Weak)?Map(?:<[^\n]*>)?\(\))/m;
    // The one memo ARCHITECTURE.md's "Caches" table keeps at module level: a bounded memo of a pure function.
    const DOCUMENTED = ['server/src/core/parse/sectionSynonyms.ts'];
    const stateful = sourceFiles(path.join(SERVER, 'core')).map((file) => path.relative(ROOT, file).split(path.sep).join('/')).filter((file) => STATE.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    assert.deepEqual(stateful, DOCUMENTED);
  });

  it('nothing in the product opens network connections', () => {
    const all = [...sourceFiles(path.join(ROOT, 'server/src')), ...sourceFiles(path.join(ROOT, 'client/src'))];
    assert.deepEqual(all.flatMap(imports).filter((statement) => NETWORK.test(statement.module)), []);
    const fetches = all.filter((file) => /\bfetch\(|XMLHttpRequest|WebSocket\(/.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(fetches, []);
  });
});
