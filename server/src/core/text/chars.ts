/** White space as dictation splitting and ConText read it: ASCII spaces, no-break and Unicode spaces, BOM. */
export function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0xfeff;
}
