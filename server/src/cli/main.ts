import { createLanguageService } from '../core/service/languageService';
import { bundledDocsBaseUri } from '../node/docsLocation';
import { describeInternalError } from '../node/errors';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { parseArgs } from './args';
import { checkFiles, FORMATS, type Format } from './check';
import { isCheckWorker, parseJobs, serveCheckWorker } from './parallel';
import { UsageError } from './collectFiles';
import { contextLines } from './context';
import { checklistOutput } from './checklist';
import { factsLines } from './facts';
import * as fs from 'node:fs';
import * as path from 'node:path';

declare const OPNOTE_VERSION: string;

const USAGE = `Usage:
  opnote check [files|dirs|globs...] [--format text|json|sarif] [--config FILE] [--root DIR] [--notes DIR] [--jobs N|auto]
      Check operative notes (*.opnote), claim drafts (*.claim) and X12 837P/837I claim files (*.837,
      *.x12, *.edi). Directories are searched
      recursively. Exit code: 0 no error-severity diagnostic, 1 at least one, 2 usage or config error.
      --root: the workspace; a claim's note: is read only inside it (default: the current folder).
      --notes: the folder tree where an X12 claim's note is found by patient and date (default: the
      file's own folder).
      --jobs: threads (default auto: one per two cores for 400 files or more; 1 checks on one thread).
  opnote facts FILE...
      Print one JSON line per operative note with the facts OpNote reads from it and the ranges of
      the text that supports each fact.
  opnote checklist FILE [--format markdown|json] [--root DIR]
      Print the 64596 checklist of an operative note (or of the note a claim names): each component
      as ✓ / ✗ / ! with its evidence line, and the codes the documentation supports.
  opnote context < sentences.jsonl
      Read JSON Lines {"sentence": "...", "concept": "..."} and print one JSON line per input:
      {"negated", "historical", "hypothetical", "experiencer"}.
  opnote --version
  opnote --help
`;

/** `--root DIR` (default: the current folder), the only folder a claim's `note:` may be read from. */
function workspaceRoot(value: string | true | undefined, option = 'root'): string {
  if (value === undefined) return process.cwd();
  const root = path.resolve(String(value));
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`--${option} needs a folder: ${String(value)}`);
  return root;
}

/** `--notes DIR` is read as part of the workspace: the user named it. */
function createService(root: string, notesFolder?: string) {
  const roots = notesFolder === undefined ? [root] : [root, notesFolder];
  return createLanguageService({
    fileSystem: nodeFileSystem({ workspaceRoots: () => roots }),
    docsBaseUri: bundledDocsBaseUri(),
    onInternalError: (where, error) => process.stderr.write(`${describeInternalError(where, error)}\n`),
    cacheSize: 16,
  });
}

function runCheck(argv: readonly string[]): number {
  const args = parseArgs(argv, new Set(['format', 'config', 'f', 'c', 'jobs', 'j', 'root', 'notes']));
  const format = (args.options.get('format') ?? args.options.get('f') ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown --format ${String(format)}: use text, json or sarif`);
  const unknown = [...args.options.keys()].filter((name) => !['format', 'config', 'f', 'c', 'jobs', 'j', 'root', 'notes'].includes(name));
  if (unknown.length) throw new UsageError(`Unknown option --${unknown[0]}`);
  const inputs = [args.command, ...args.positionals].filter((input): input is string => input !== undefined);
  if (inputs.length === 0) throw new UsageError('opnote check needs at least one file, directory or glob');
  const configFile = (args.options.get('config') ?? args.options.get('c')) as string | undefined;
  const jobs = parseJobs(args.options.get('jobs') ?? args.options.get('j'));
  const root = workspaceRoot(args.options.get('root'));
  const notes = args.options.has('notes') ? workspaceRoot(args.options.get('notes'), 'notes') : undefined;
  const { output, exitCode } = checkFiles(() => createService(root, notes), { inputs, format, ...(configFile ? { configFile } : {}), ...(notes ? { notesFolder: notes } : {}), docsBaseUri: bundledDocsBaseUri(), version: OPNOTE_VERSION, jobs, workspaceRoot: root, workerScript: __filename });
  process.stdout.write(output);
  return exitCode;
}

export function main(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return runCheck(rest);
      case 'facts':
        process.stdout.write(factsLines(createService(process.cwd()), rest));
        return 0;
      case 'checklist': {
        const args = parseArgs(rest, new Set(['format', 'root']));
        process.stdout.write(checklistOutput(createService(workspaceRoot(args.options.get('root'))), args.command, String(args.options.get('format') ?? 'markdown')));
        return 0;
      }
      case 'context':
        process.stdout.write(contextLines(fs.readFileSync(0, 'utf8')));
        return 0;
      case '--version':
      case '-v':
        process.stdout.write(`${OPNOTE_VERSION}\n`);
        return 0;
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `Unknown command ${command}` : 'No command given');
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`opnote: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`${describeInternalError(`opnote ${command ?? ''}`.trim(), error)}\n`);
    return 2;
  }
}

// A check worker thread runs this same bundle: it serves batches of files instead of a command line.
if (isCheckWorker()) serveCheckWorker(createService);
else process.exitCode = main(process.argv.slice(2));
