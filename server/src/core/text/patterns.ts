/**
 * Every regular expression the core builds from a string is made here, so that the pump test
 * (test/robustness/pump.test.ts) finds it beside the literal ones without being told about it; a
 * `new RegExp` anywhere else in the core fails that test. For patterns built once, when a module
 * loads: a pattern built per document would only grow this list.
 */
const built: RegExp[] = [];

export function buildPattern(source: string, flags = ''): RegExp {
  const pattern = new RegExp(source, flags);
  built.push(pattern);
  return pattern;
}

/** The patterns built so far (those of every module loaded). */
export function builtPatterns(): readonly RegExp[] {
  return built;
}
