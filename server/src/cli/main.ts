import { createLanguageService } from '../core/service/languageService';
import { bundledDocsBaseUri } from '../node/docsLocation';
import { describeInternalError } from '../node/errors';
import { nodeFileSystem } from '../node/nodeFileSystem';
import { parseArgs } from './args';
import { checkFiles, FORMATS, type Format } from './check';
import { UsageError } from './collectFiles';

declare const OPNOTE_VERSION: string;

const USAGE = `Usage:
  opnote check [files|dirs|globs...] [--format text|json|sarif] [--config FILE]
      Check operative notes (*.opnote) and claim drafts (*.claim). Directories are searched
      recursively. Exit code: 0 no error-severity diagnostic, 1 at least one, 2 usage or config error.
  opnote --version
  opnote --help
`;

function runCheck(argv: readonly string[]): number {
  const args = parseArgs(argv, new Set(['format', 'config', 'f', 'c']));
  const format = (args.options.get('format') ?? args.options.get('f') ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown --format ${String(format)}: use text, json or sarif`);
  const unknown = [...args.options.keys()].filter((name) => !['format', 'config', 'f', 'c'].includes(name));
  if (unknown.length) throw new UsageError(`Unknown option --${unknown[0]}`);
  const inputs = [args.command, ...args.positionals].filter((input): input is string => input !== undefined);
  if (inputs.length === 0) throw new UsageError('opnote check needs at least one file, directory or glob');
  const configFile = (args.options.get('config') ?? args.options.get('c')) as string | undefined;
  const service = createLanguageService({
    fileSystem: nodeFileSystem(),
    docsBaseUri: bundledDocsBaseUri(),
    onInternalError: (where, error) => process.stderr.write(`${describeInternalError(where, error)}\n`),
    cacheSize: 16,
  });
  const { output, exitCode } = checkFiles(service, { inputs, format, ...(configFile ? { configFile } : {}), docsBaseUri: bundledDocsBaseUri(), version: OPNOTE_VERSION });
  process.stdout.write(output);
  return exitCode;
}

export function main(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return runCheck(rest);
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

process.exitCode = main(process.argv.slice(2));
