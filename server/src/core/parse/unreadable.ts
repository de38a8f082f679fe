import type { LineIndex } from '../text/lineIndex';
import type { ParseProblem } from './model';

// Control characters other than tab, line breaks and the form feed (a printed export's page break), and U+FFFD (what a decoder leaves for bad bytes).
const UNREADABLE = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]+/g;
const MAX_REPORTED = 100;

/** One problem per line that holds unreadable characters, spanning them; capped so junk files stay cheap. */
export function scanUnreadable(text: string, lines: LineIndex, problems: ParseProblem[]): void {
  UNREADABLE.lastIndex = 0;
  let reported = 0;
  let lastLine = -1;
  let current: { start: number; end: number } | undefined;
  const flush = () => {
    if (!current) return;
    problems.push({ rule: 'unreadable-text', span: current, message: 'Unreadable characters (binary data or a bad text encoding); OpNote skips them. Save the note as UTF-8 text.' });
    reported++;
    current = undefined;
  };
  for (let match = UNREADABLE.exec(text); match; match = UNREADABLE.exec(text)) {
    const line = lines.lineAt(match.index);
    const end = match.index + match[0].length;
    if (current && line === lastLine) {
      current = { start: current.start, end };
      continue;
    }
    flush();
    if (reported >= MAX_REPORTED) return;
    current = { start: match.index, end };
    lastLine = line;
  }
  flush();
}
