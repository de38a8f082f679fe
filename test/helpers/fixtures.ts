import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { kindFromUri } from '../../server/src/core/parse/parseDocument';
import type { FileSystem } from '../../server/src/core/service/fileSystem';
import { createLanguageService, type LanguageService } from '../../server/src/core/service/languageService';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { fixAll } from './robustness';

export const FIXTURES = path.resolve(__dirname, '..', 'fixtures');
export const DOCS_BASE = 'https://opnote.invalid/docs/rules/';

/** A service over the real disk for fixture folders, read as the CLI reads them (test/fixtures is the workspace). */
export function fixtureService(fileSystem?: FileSystem): LanguageService {
  return createLanguageService({
    fileSystem: fileSystem ?? nodeFileSystem({ workspaceRoots: () => [FIXTURES] }),
    docsBaseUri: DOCS_BASE,
    onInternalError: (where, error) => {
      throw new Error(`internal error in ${where}: ${String(error)}`);
    },
  });
}

export function sourceOf(file: string, text = fs.readFileSync(file, 'utf8'), version = 1) {
  return { uri: file, version, text, kindHint: kindFromUri(file) };
}

const EXPECT = /^\s*\/\/\s*expect(?:-next-line)?:\s*(.+)$/;

/**
 * Expected findings written in the fixture itself, markdownlint style: a comment line
 * `// expect: rule-a, rule-b` says those rules fire on the next line that is not itself a marker.
 */
export function expectedFindings(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const expected: string[] = [];
  lines.forEach((line, index) => {
    const match = EXPECT.exec(line);
    if (!match) return;
    let target = index + 1;
    while (target < lines.length && EXPECT.test(lines[target])) target++;
    for (const rule of match[1].split(/[\s,]+/).filter(Boolean)) expected.push(`${target + 1}:${rule}`);
  });
  return expected.sort();
}

export function actualFindings(service: LanguageService, file: string, text?: string): string[] {
  const analysis = service.analyze(sourceOf(file, text));
  return analysis.findings.map((finding) => `${analysis.model.lines.lineAt(finding.span.start) + 1}:${finding.rule.id}`).sort();
}

export function fixtureFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /\.(opnote|claim)$/.test(name))
    .map((name) => path.join(dir, name));
}

/**
 * What a fixture's snapshot records: each finding (a path into the fixtures reads `<fixtures>`, so the
 * snapshot holds on any machine), and the text after fix-all (null when it changes nothing).
 */
export interface FixtureSnapshot {
  readonly findings: readonly { readonly line: number; readonly column: number; readonly rule: string; readonly message: string }[];
  readonly fixed: string | null;
}

/** `OPNOTE_UPDATE_FIXTURES=1` (`npm run test:update`) writes the snapshots instead of comparing them. */
const UPDATE_SNAPSHOTS = process.env.OPNOTE_UPDATE_FIXTURES === '1';

/** `note.opnote` → `note.opnote.snapshot.json`, beside the fixture. */
export function snapshotPath(file: string): string {
  return `${file}.snapshot.json`;
}

function findingsOf(service: LanguageService, document: ReturnType<typeof sourceOf>): FixtureSnapshot['findings'] {
  const { model, findings } = service.analyze(document);
  return findings
    .map((finding) => {
      const line = model.lines.lineAt(finding.span.start);
      return { line: line + 1, column: finding.span.start - model.lines.lineStart(line) + 1, rule: finding.rule.id, message: finding.message.replaceAll(FIXTURES, '<fixtures>') };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message));
}

/**
 * The fixture's snapshot as it is now: its findings (line, column, rule, message) and the text after
 * fix-all, as an editor applies it on save.
 */
export function fixtureSnapshot(service: LanguageService, file: string, text: string): FixtureSnapshot {
  const document = sourceOf(file, text);
  const fixed = fixAll(service, document).text;
  return { findings: findingsOf(service, document), fixed: fixed === text ? null : fixed };
}

/**
 * Compares the fixture with its snapshot (markdownlint's harness: findings with their messages and
 * columns, and the fixed text), or writes the snapshot in update mode. The fixed text is checked
 * again: fix-all has left nothing it would fix.
 */
export function checkFixtureSnapshot(service: LanguageService, file: string, text: string): void {
  const actual = fixtureSnapshot(service, file, text);
  if (actual.fixed !== null) {
    const again = fixAll(service, sourceOf(file, actual.fixed, 2));
    assert.equal(again.edits, 0, `fix-all of ${path.basename(file)} leaves work for another run:\n${again.text}`);
  }
  const target = snapshotPath(file);
  if (UPDATE_SNAPSHOTS) {
    fs.writeFileSync(target, `${JSON.stringify(actual, null, 2)}\n`);
    return;
  }
  assert.ok(fs.existsSync(target), `${path.basename(target)} is missing: run \`npm run test:update\``);
  assert.deepEqual(actual, JSON.parse(fs.readFileSync(target, 'utf8')), `${path.basename(file)} differs from its snapshot (\`npm run test:update\` rewrites it; check the diff)`);
}

/** Snapshots under `dir` (recursively) whose fixture is gone. */
export function orphanSnapshots(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return orphanSnapshots(full);
    return entry.name.endsWith('.snapshot.json') && !fs.existsSync(full.slice(0, -'.snapshot.json'.length)) ? [path.relative(FIXTURES, full)] : [];
  });
}

/** Every operative note under `dir`, recursively. */
export function notesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return notesUnder(full);
    return entry.name.endsWith('.opnote') ? [full] : [];
  });
}
