import { createLanguageService } from '../core/service/languageService';
import { bundledDocsBaseUri } from '../node/docsLocation';
import { describeInternalError } from '../node/errors';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { parseArgs, type ParsedArgs } from './args';
import { checkFiles, FORMATS, type Format } from './check';
import { isCheckWorker, parseJobs, serveCheckWorker } from './parallel';
import { UsageError } from './collectFiles';
import { contextLines } from './context';
import { checklistOutput } from './checklist';
import { factsLines } from './facts';
import { queryOutput } from './query';
import * as fs from 'node:fs';
import * as path from 'node:path';

declare const OPNOTE_VERSION: string;

interface Command {
  /** The synopsis and what it does, as `opnote COMMAND --help` prints it. */
  readonly usage: string;
  readonly run: (argv: readonly string[]) => number;
}

const COMMANDS: Record<string, Command> = {
  check: {
    usage: `opnote check [files|dirs|globs...] [--format text|json|sarif] [--config FILE] [--root DIR] [--jobs N|auto]
    Check operative notes (*.opnote) and claim drafts (*.claim). Directories are searched
    recursively. Quote globs so that OpNote, not the shell, expands them (** crosses folders).
    Exit code: 0 no error-severity diagnostic, 1 at least one, 2 usage error or bad --config file.
    --format: text (default), json or sarif.
    --config: an .opnoterc.json to use instead of the one found next to the files.
    --root: the workspace; a claim's note: is read only inside it (default: the current folder).
    --jobs: threads (default auto: one per two cores for 400 files or more; 1 checks on one thread).`,
    run: runCheck,
  },
  facts: {
    usage: `opnote facts FILE...
    Print one JSON line per operative note with the facts OpNote reads from it, the
    medical-necessity elements, and the ranges of the text that supports each fact.`,
    run: (argv) => {
      const args = parseArgs(argv, new Set());
      refuseUnknownOptions(args, []);
      process.stdout.write(factsLines(createService(process.cwd()), positionalsOf(args)));
      return 0;
    },
  },
  checklist: {
    usage: `opnote checklist FILE [--format markdown|json] [--root DIR]
    Print the 64596 checklist of an operative note (or of the note a claim names): each component
    as ✓ / ✗ / ! with its evidence line, and the codes the documentation supports.`,
    run: (argv) => {
      const args = parseArgs(argv, new Set(['format', 'root']));
      refuseUnknownOptions(args, ['format', 'root']);
      process.stdout.write(checklistOutput(createService(workspaceRoot(args.options.get('root'))), args.command, String(args.options.get('format') ?? 'markdown')));
      return 0;
    },
  },
  query: {
    usage: `opnote query FILE... [--format markdown|json] [--role author|reviewer] [--root DIR]
    Draft a physician query for each finding of an operative note that only its author can
    resolve: the note's own words as clinical indicators, a neutral question, and the answers.`,
    run: (argv) => {
      process.stdout.write(queryOutput((root) => createService(workspaceRoot(root)), argv));
      return 0;
    },
  },
  context: {
    usage: `opnote context < sentences.jsonl
    Read JSON Lines {"sentence": "...", "concept": "..."} and print one JSON line per input:
    {"negated", "historical", "hypothetical", "experiencer"}.`,
    run: (argv) => {
      refuseUnknownOptions(parseArgs(argv, new Set()), []);
      process.stdout.write(contextLines(fs.readFileSync(0, 'utf8')));
      return 0;
    },
  },
};

/** A command's usage as help prints it: indented under `Usage:`. */
const indented = (usage: string) => `  ${usage.replace(/\n/g, '\n  ')}`;

const USAGE = ['Usage:', ...Object.values(COMMANDS).map((command) => indented(command.usage)), '  opnote --version', '  opnote COMMAND --help', ''].join('\n');

function positionalsOf(args: ParsedArgs): string[] {
  return [args.command, ...args.positionals].filter((input): input is string => input !== undefined);
}

function refuseUnknownOptions(args: ParsedArgs, known: readonly string[]): void {
  const unknown = [...args.options.keys()].find((name) => !known.includes(name));
  if (unknown !== undefined) throw new UsageError(`Unknown option --${unknown}`);
}

/** `--root DIR` (default: the current folder), the only folder a claim's `note:` may be read from. */
function workspaceRoot(value: string | true | undefined): string {
  if (value === undefined) return process.cwd();
  const root = path.resolve(String(value));
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`--root needs a folder: ${String(value)}`);
  return root;
}

function createService(root: string) {
  return createLanguageService({
    fileSystem: nodeFileSystem({ workspaceRoots: () => [root] }),
    docsBaseUri: bundledDocsBaseUri(),
    onInternalError: (where, error) => process.stderr.write(`${describeInternalError(where, error)}\n`),
    cacheSize: 16,
  });
}

function runCheck(argv: readonly string[]): number {
  const args = parseArgs(argv, new Set(['format', 'config', 'f', 'c', 'jobs', 'j', 'root']));
  const format = (args.options.get('format') ?? args.options.get('f') ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown --format ${String(format)}: use text, json or sarif`);
  refuseUnknownOptions(args, ['format', 'config', 'f', 'c', 'jobs', 'j', 'root']);
  const inputs = positionalsOf(args);
  if (inputs.length === 0) throw new UsageError('opnote check needs at least one file, directory or glob');
  const configFile = (args.options.get('config') ?? args.options.get('c')) as string | undefined;
  const jobs = parseJobs(args.options.get('jobs') ?? args.options.get('j'));
  const root = workspaceRoot(args.options.get('root'));
  const { output, exitCode } = checkFiles(() => createService(root), { inputs, format, ...(configFile ? { configFile } : {}), version: OPNOTE_VERSION, jobs, workspaceRoot: root, workerScript: __filename });
  process.stdout.write(output);
  return exitCode;
}

export function main(argv: readonly string[]): number {
  const [name, ...rest] = argv;
  // A usage error points at the help that explains it: the command's own once the command is known.
  let help = 'opnote --help';
  try {
    if (name === '--version' || name === '-v') {
      process.stdout.write(`${OPNOTE_VERSION}\n`);
      return 0;
    }
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      if (name === undefined) throw new UsageError('No command given');
      process.stdout.write(USAGE);
      return 0;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`Unknown command ${name}`);
    help = `opnote ${name} --help`;
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(`Usage:\n${indented(command.usage)}\n`);
      return 0;
    }
    return command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      // The cause, and where to read more: the whole help would bury the one line that matters.
      process.stderr.write(`opnote: ${error.message}\nRun \`${help}\` for usage.\n`);
      return 2;
    }
    process.stderr.write(`${describeInternalError(`opnote ${name ?? ''}`.trim(), error)}\n`);
    return 2;
  }
}

// A check worker thread runs this same bundle: it serves batches of files instead of a command line.
if (isCheckWorker()) serveCheckWorker(createService);
else process.exitCode = main(process.argv.slice(2));
