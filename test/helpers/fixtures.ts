import * as fs from 'node:fs';
import * as path from 'node:path';
import { kindFromUri } from '../../server/src/core/parse/parseDocument';
import type { FileSystem } from '../../server/src/core/service/fileSystem';
import { createLanguageService, type LanguageService } from '../../server/src/core/service/languageService';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';

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
