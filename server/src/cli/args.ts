import { UsageError } from './collectFiles';

interface ParsedArgs {
  readonly command: string | undefined;
  readonly positionals: string[];
  readonly options: Map<string, string | true>;
}

/** `--name value`, `--name=value` and boolean `--flag`; `valued` lists the options that take a value. */
export function parseArgs(argv: readonly string[], valued: ReadonlySet<string>): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      for (const rest of argv.slice(i + 1)) positionals.push(rest);
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2);
    if (valued.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
    } else {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      options.set(name, true);
    }
  }
  return { command: positionals.shift(), positionals, options };
}

/** A usage error for the first option the command does not take. */
export function refuseUnknown(options: ReadonlyMap<string, unknown>, known: Iterable<string>): void {
  const taken = new Set(known);
  const unknown = [...options.keys()].find((name) => !taken.has(name));
  if (unknown !== undefined) throw new UsageError(`Unknown option --${unknown}`);
}

/** The command line's inputs: everything that is not an option. */
export function positionalsOf(args: ParsedArgs): string[] {
  return [args.command, ...args.positionals].filter((input): input is string => input !== undefined);
}
