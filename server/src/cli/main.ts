import { createLanguageService } from '../core/service/languageService';
import { bundledDocsBaseUri } from '../node/docsLocation';
import { describeInternalError } from '../node/errors';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { parseArgs, positionalsOf, refuseUnknown } from './args';
import { queryOutput } from './query';
import { checkFiles, FORMATS, type Format } from './check';
import { isClosedPipe, streamOutput } from './checkStream';
import { UsageError } from './collectFiles';
import { loadIgnoreFile } from './ignoreFile';
import { REPORT_FORMATS, writeReport, type ReportFormat } from './reportCommand';
import { checkStdin } from './stdinCheck';
import { batchSettings } from './checkFile';
import { loadKnowledge } from '../core/knowledge';
import type { FileSystem } from '../core/service/fileSystem';
import { contextLines } from './context';
import { checklistOutput } from './checklist';
import { factsLines } from './facts';
import * as fs from 'node:fs';
import * as path from 'node:path';

declare const OPNOTE_VERSION: string;

/** `--root DIR` (default: the current folder), the only folder a claim's `note:` may be read from. */
function workspaceRoot(value: string | true | undefined, option = 'root'): string {
  if (value === undefined) return process.cwd();
  const root = path.resolve(String(value));
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`--${option} needs a folder: ${String(value)}`);
  return root;
}

/** `--notes DIR` is read as part of the workspace: the user named it. */
function createService(root: string, { adaptReader = (reader: FileSystem) => reader, notesFolder }: { adaptReader?: (reader: FileSystem) => FileSystem; notesFolder?: string } = {}) {
  const roots = notesFolder === undefined ? [root] : [root, notesFolder];
  return createLanguageService({
    fileSystem: adaptReader(nodeFileSystem({ workspaceRoots: () => roots })),
    docsBaseUri: bundledDocsBaseUri(),
    onInternalError: (where, error) => process.stderr.write(`${describeInternalError(where, error)}\n`),
    cacheSize: 16,
    readsOnce: true,
  });
}

const CHECK_OPTIONS = ['format', 'config', 'f', 'c', 'root', 'notes', 'stdin', 'facts', 'no-ignore'];
const VALUED = new Set(['format', 'config', 'f', 'c', 'root', 'notes', 'out', 'o']);

/** The root's `.opnoteignore`, unless `--no-ignore` is given. */
function ignoreOf(options: ReadonlyMap<string, unknown>, root: string) {
  return options.has('no-ignore') ? undefined : loadIgnoreFile(root);
}

async function runCheck(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, VALUED);
  refuseUnknown(args.options, CHECK_OPTIONS);
  const configFile = (args.options.get('config') ?? args.options.get('c')) as string | undefined;
  const root = workspaceRoot(args.options.get('root'));
  const inputs = positionalsOf(args);
  if (args.options.has('stdin')) {
    if (inputs.length) throw new UsageError('opnote check --stdin reads records from stdin, not files');
    if (args.options.has('format') || args.options.has('f')) throw new UsageError('opnote check --stdin writes JSON Lines: --format does not apply');
    const settings = batchSettings(configFile);
    await checkStdin((adaptReader) => createService(root, { adaptReader }), process.stdin, streamOutput(process.stdout), { settings, root, facts: args.options.has('facts') });
    return 0;
  }
  if (args.options.has('facts')) throw new UsageError('--facts goes with --stdin (opnote facts FILE... prints the facts of files)');
  const format = (args.options.get('format') ?? args.options.get('f') ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown --format ${String(format)}: use text, json or sarif`);
  if (inputs.length === 0) throw new UsageError('opnote check needs at least one file, directory or glob');
  const ignore = ignoreOf(args.options, root);
  const notes = args.options.has('notes') ? workspaceRoot(args.options.get('notes'), 'notes') : undefined;
  return checkFiles(createService(root, notes ? { notesFolder: notes } : {}), { inputs, format, ...(configFile ? { configFile } : {}), ...(notes ? { notesFolder: notes } : {}), version: OPNOTE_VERSION, ...(ignore ? { ignore } : {}), progress: process.stderr }, streamOutput(process.stdout));
}

/** The editions of the code sets the knowledge pack ships, named in a report so that an audit can be reproduced. */
function knowledgeEditions(): string {
  const { icd10, hcpcs } = loadKnowledge();
  return `OpNote ${OPNOTE_VERSION} built-in data, ${icd10.provenance().codeSystem} ${icd10.provenance().edition}, ${hcpcs.provenance().codeSystem} ${hcpcs.provenance().edition}`;
}

async function runReport(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, VALUED);
  refuseUnknown(args.options, ['format', 'f', 'config', 'c', 'root', 'out', 'o', 'no-ignore']);
  const out = (args.options.get('out') ?? args.options.get('o')) as string | undefined;
  if (out === undefined) throw new UsageError('opnote report needs --out FILE (or --out - for stdout)');
  const format = (args.options.get('format') ?? args.options.get('f') ?? 'html') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`Unknown --format ${String(format)}: use html or csv`);
  const configFile = (args.options.get('config') ?? args.options.get('c')) as string | undefined;
  const root = workspaceRoot(args.options.get('root'));
  const ignore = ignoreOf(args.options, root);
  const inputs = positionalsOf(args);
  await writeReport(createService(root), {
    inputs,
    out,
    format,
    ...(configFile ? { configFile } : {}),
    ...(ignore ? { ignore } : {}),
    context: { docsBaseUri: bundledDocsBaseUri(), version: OPNOTE_VERSION, knowledge: knowledgeEditions(), generated: new Date().toISOString() },
    progress: process.stderr,
  });
  return 0;
}

interface Command {
  /** The synopsis and what it does, as `opnote COMMAND --help` prints it. */
  readonly usage: string;
  readonly run: (argv: readonly string[]) => number | Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  check: {
    usage: `opnote check [files|dirs|globs...] [--format text|json|sarif] [--config FILE] [--root DIR] [--notes DIR] [--no-ignore]
    Check operative notes (*.opnote), claim drafts (*.claim), X12 837P/837I claim files (*.837, *.x12,
    *.edi) and FHIR Claim resources (*.fhir.json). Directories are searched recursively. Quote globs so that OpNote, not the shell, expands them (** crosses folders).
    Exit code: 0 no error-severity diagnostic, 1 at least one, 2 usage error or bad --config file.
    --format: text (default), json or sarif.
    --config: an .opnoterc.json to use instead of the one found next to the files.
    --root: the workspace; a claim's note: is read only inside it (default: the current folder).
    --notes: the folder tree where an X12 or FHIR claim's note is found by patient and date
    (default: the file's own folder).
    Files the .opnoteignore at the root matches (gitignore syntax) are skipped; --no-ignore: none is.
opnote check --stdin [--facts] [--config FILE] [--root DIR]
    Read JSON Lines {"id", "kind": "opnote"|"claim", "text", "noteText"?} and write one JSON line
    per record, in order: {"id", "kind", "diagnostics": [...], "facts"?, "evidence"?} (facts with
    --facts), or {"id"?, "line", "error"} for a line that is not such a record. Exit code 0.`,
    run: runCheck,
  },
  report: {
    usage: `opnote report [files|dirs|globs...] --out FILE [--format html|csv] [--config FILE] [--root DIR] [--no-ignore]
    Write an audit report: one self-contained HTML file (summary charts, findings by rule, payer,
    surgeon and facility, a worklist), or CSV with one row per finding. --out - writes to stdout.`,
    run: runReport,
  },
  facts: {
    usage: `opnote facts FILE...
    Print one JSON line per operative note with the facts OpNote reads from it, the
    medical-necessity elements, and the ranges of the text that supports each fact.`,
    run: (argv) => {
      const args = parseArgs(argv, new Set());
      refuseUnknown(args.options, []);
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
      refuseUnknown(args.options, ['format', 'root']);
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
      refuseUnknown(parseArgs(argv, new Set()).options, []);
      process.stdout.write(contextLines(fs.readFileSync(0, 'utf8')));
      return 0;
    },
  },
};

/** A command's usage as help prints it: indented under `Usage:`. */
const indented = (usage: string) => `  ${usage.replace(/\n/g, '\n  ')}`;

const USAGE = ['Usage:', ...Object.values(COMMANDS).map((command) => indented(command.usage)), '  opnote --version', '  opnote COMMAND --help', ''].join('\n');

export async function main(argv: readonly string[]): Promise<number> {
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
    return await command.run(rest);
  } catch (error) {
    if (isClosedPipe(error)) return 0;
    if (error instanceof UsageError) {
      // The cause, and where to read more: the whole help would bury the one line that matters.
      process.stderr.write(`opnote: ${error.message}\nRun \`${help}\` for usage.\n`);
      return 2;
    }
    process.stderr.write(`${describeInternalError(`opnote ${name ?? ''}`.trim(), error)}\n`);
    return 2;
  }
}

void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
