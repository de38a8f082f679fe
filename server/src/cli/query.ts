import * as path from 'node:path';
import { ROLES, type Role } from '../core/linting/types';
import { kindFromUri } from '../core/parse/parseDocument';
import type { LanguageService } from '../core/service/languageService';
import { parseArgs, positionalsOf, refuseUnknown } from './args';
import { readDocumentText } from './check';
import { UsageError } from './collectFiles';

const QUERY_FORMATS = ['markdown', 'json'] as const;
const VALUED = new Set(['format', 'role', 'root']);

/**
 * `opnote query FILE... [--format markdown|json] [--role reviewer]`: the physician queries of each
 * operative note (claims have none: they are the coder's own document). JSON is contract version 1.
 */
export function queryOutput(service: (root: string | true | undefined) => LanguageService, argv: readonly string[]): string {
  const args = parseArgs(argv, VALUED);
  refuseUnknown(args.options, VALUED);
  const format = String(args.options.get('format') ?? 'markdown');
  if (!(QUERY_FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown --format ${format}: use markdown or json`);
  const role = String(args.options.get('role') ?? 'author');
  if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`Unknown --role ${role}: use author or reviewer`);
  const files = positionalsOf(args);
  if (files.length === 0) throw new UsageError('opnote query needs at least one file');
  const checker = service(args.options.get('root'));
  const perFile = files.map((file) => {
    const kindHint = kindFromUri(file) === 'claim' ? 'claim' : 'opnote';
    return { file, result: checker.queries({ uri: path.resolve(file), version: 0, text: readDocumentText(file), kindHint }, { role: role as Role }) };
  });
  if (format === 'json') {
    const queries = perFile.flatMap(({ file, result }) =>
      (result?.queries ?? []).map((query) => ({
        path: file,
        rule: query.rule,
        topic: query.topic,
        format: query.format,
        question: query.question,
        options: query.options,
        indicators: query.indicators,
        patient: query.patient ?? null,
        dateOfService: query.dateOfService ?? null,
      })),
    );
    return `${JSON.stringify({ version: 1, queries })}\n`;
  }
  return perFile.flatMap(({ result }) => (result ? [result.markdown] : [])).join('\n---\n\n');
}
