import { UsageError } from './collectFiles';

export interface ParsedArgs {
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
