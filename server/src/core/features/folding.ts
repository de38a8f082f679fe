import type { FoldingRange } from 'vscode-languageserver-types';
import type { DocumentModel } from '../parse/model';
import type { Span } from '../text/span';

/** Folds the header, each section (up to its last non-blank line) and runs of comment lines. */
export function foldingRanges(model: DocumentModel): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (span: Span, kind?: 'comment' | 'region') => {
    const startLine = model.lines.lineAt(span.start);
    const endLine = lastContentLine(model, span);
    if (endLine > startLine) ranges.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
  if (model.header.fields.length) add(model.header.span, 'region');
  for (const section of model.sections) add(section.span);
  let runStart: number | undefined;
  model.comments.forEach((comment, index) => {
    const next = model.comments[index + 1];
    runStart ??= comment.span.start;
    if (!next || next.line !== comment.line + 1) {
      add({ start: runStart, end: comment.span.end }, 'comment');
      runStart = undefined;
    }
  });
  return ranges;
}

function lastContentLine(model: DocumentModel, span: Span): number {
  let line = model.lines.lineAt(Math.max(span.start, span.end - 1));
  const first = model.lines.lineAt(span.start);
  while (line > first && model.text.slice(model.lines.lineStart(line), model.lines.lineEnd(line)).trim() === '') line--;
  return line;
}
