// Word wrapping for text output on a terminal. Words are never split: a word longer than the width
// (a long URL, a path) stays whole on its own line, so it can still be copied or clicked.

/** `text` in lines of at most `width` characters, broken at spaces. */
export function wrapWords(text: string, width: number): string[] {
  const words = text.split(' ').filter((w) => w !== '');
  if (words.length === 0) return [''];
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line === '') line = w;
    else if (line.length + 1 + w.length <= width) line += ' ' + w;
    else {
      lines.push(line);
      line = w;
    }
  }
  lines.push(line);
  return lines;
}
