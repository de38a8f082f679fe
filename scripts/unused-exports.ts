/**
 * Lists the exports of server/src and client/src that no other file imports (product, tests or
 * scripts): dead code to delete, or an export to drop. `npm test` runs it (`npm run check:exports`)
 * and fails on one that is not in scripts/unused-exports.allow.txt, or on a line there that no
 * longer applies; `--write-allowlist` rewrites that file. Read from the syntax alone (imports,
 * re-exports, `import()` and `require` of a path), so it takes a second: an export is used when
 * some other file imports it by name, imports the whole module (`import * as`, `import()`,
 * `require`), or re-exports it and that re-export is used.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..');
const CHECKED = ['server/src', 'client/src'];
const READERS = [...CHECKED, 'test', 'scripts'];
/** Entry points: what they export is called from outside (the bundler's entry, VS Code). */
const ENTRY_POINTS: Record<string, readonly string[]> = {
  'client/src/extension.ts': ['activate', 'deactivate'],
};
const ALL = '*';
/** Unused exports found when the check was added, left for their owners to remove: it only shrinks. */
const ALLOWLIST = path.join(ROOT, 'scripts/unused-exports.allow.txt');

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|mts|cts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.js`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

interface ModuleInfo {
  /** Names this file declares and exports itself. */
  readonly own: Set<string>;
  /** Names this file re-exports: name here → [module, name there]. */
  readonly reexports: Map<string, [string, string]>;
  /** Modules whose every export this file re-exports (`export * from`). */
  readonly starFrom: string[];
}

const modules = new Map<string, ModuleInfo>();
/** [module, name] pairs some other file uses; name `*` means all of them. */
const uses: Array<[string, string]> = [];

function hasExport(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false);
}

function read(file: string): void {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const info: ModuleInfo = { own: new Set(), reexports: new Map(), starFrom: [] };
  modules.set(file, info);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const target = resolve(file, node.moduleSpecifier.text);
      const clause = node.importClause;
      if (target && clause) {
        if (clause.name) uses.push([target, 'default']);
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) uses.push([target, ALL]);
        if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) uses.push([target, (element.propertyName ?? element.name).text]);
      }
    } else if (ts.isExportDeclaration(node)) {
      const target = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? resolve(file, node.moduleSpecifier.text) : undefined;
      if (!node.exportClause) {
        if (target) info.starFrom.push(target);
      } else if (ts.isNamedExports(node.exportClause)) {
        for (const element of node.exportClause.elements) {
          if (target) info.reexports.set(element.name.text, [target, (element.propertyName ?? element.name).text]);
          else info.own.add(element.name.text);
        }
      } else if (target) {
        info.own.add(node.exportClause.name.text);
        uses.push([target, ALL]);
      }
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
        const target = resolve(file, node.arguments[0].text);
        if (target) uses.push([target, ALL]);
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      const target = resolve(file, node.argument.literal.text);
      if (target) uses.push([target, node.qualifier && ts.isIdentifier(node.qualifier) ? node.qualifier.text : ALL]);
    } else if (ts.isExportAssignment(node)) {
      info.own.add('default');
    } else if (hasExport(node) && node.parent === source) {
      const isDefault = ts.getModifiers(node as ts.HasModifiers)?.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
      if (isDefault) info.own.add('default');
      else if (ts.isVariableStatement(node)) {
        for (const declaration of node.declarationList.declarations) if (ts.isIdentifier(declaration.name)) info.own.add(declaration.name.text);
      } else if ('name' in node && node.name && ts.isIdentifier(node.name as ts.Node)) info.own.add((node.name as ts.Identifier).text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

const files = READERS.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
for (const file of files) read(file);

/** Marks [module, name] used and follows re-exports to where the name is declared. */
const used = new Map<string, Set<string>>();
function markUsed(module: string, name: string, seen = new Set<string>()): void {
  const key = `${module}\0${name}`;
  if (seen.has(key)) return;
  seen.add(key);
  let names = used.get(module);
  if (!names) used.set(module, (names = new Set()));
  names.add(name);
  const info = modules.get(module);
  if (!info) return;
  if (name === ALL) {
    for (const [, [target, there]] of info.reexports) markUsed(target, there, seen);
    for (const target of info.starFrom) markUsed(target, ALL, seen);
    return;
  }
  const reexport = info.reexports.get(name);
  if (reexport) markUsed(reexport[0], reexport[1], seen);
  if (!info.own.has(name) && !reexport) for (const target of info.starFrom) markUsed(target, name, seen);
}
for (const [module, name] of uses) markUsed(module, name);

const unused: string[] = [];
for (const file of files) {
  const relative = path.relative(ROOT, file).split(path.sep).join('/');
  if (!CHECKED.some((dir) => relative.startsWith(`${dir}/`))) continue;
  const info = modules.get(file)!;
  const names = used.get(file) ?? new Set();
  if (names.has(ALL)) continue;
  const allowed = new Set(ENTRY_POINTS[relative] ?? []);
  for (const name of [...info.own, ...info.reexports.keys()]) if (!names.has(name) && !allowed.has(name)) unused.push(`${relative}: ${name}`);
}

if (process.argv.includes('--write-allowlist')) {
  fs.writeFileSync(ALLOWLIST, `${unused.sort().join('\n')}\n`);
  process.stdout.write(`${unused.length} unused exports written to ${path.relative(ROOT, ALLOWLIST)}\n`);
} else {
  const allowed = new Set(fs.existsSync(ALLOWLIST) ? fs.readFileSync(ALLOWLIST, 'utf8').split('\n').filter(Boolean) : []);
  const found = new Set(unused);
  const fresh = unused.filter((entry) => !allowed.has(entry));
  const stale = [...allowed].filter((entry) => !found.has(entry));
  if (fresh.length) process.stderr.write(`Exports no other file imports (delete them, or stop exporting them):\n${fresh.map((line) => `  ${line}`).join('\n')}\n`);
  if (stale.length) process.stderr.write(`Used or gone now: remove from ${path.relative(ROOT, ALLOWLIST)} (or run with --write-allowlist):\n${stale.map((line) => `  ${line}`).join('\n')}\n`);
  if (fresh.length || stale.length) process.exitCode = 1;
  else process.stdout.write(`unused exports: none new (${allowed.size} known, in ${path.relative(ROOT, ALLOWLIST)})\n`);
}
