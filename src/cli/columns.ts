/**
 * Column layout by what a terminal shows, not by string length: CJK and emoji take two cells,
 * combining marks none, so titles in any script still line up.
 */

const zeroWidth = /^[\p{Mn}\p{Me}\p{Cf}]+$/u;
const emoji = /\p{Regional_Indicator}|\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f/u;
const eastAsianWide =
  /^[\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A terminal draws a whole grapheme (a flag, a family emoji, a letter and its accents) as one. */
function cellWidth(grapheme: string): number {
  if (zeroWidth.test(grapheme)) return 0;
  return emoji.test(grapheme) || eastAsianWide.test(grapheme) ? 2 : 1;
}

function* cells(text: string): Generator<[string, number]> {
  for (const { segment } of graphemes.segment(text)) yield [segment, cellWidth(segment)];
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const [, cell] of cells(text)) width += cell;
  return width;
}

/** Cuts text to at most `max` cells, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const [grapheme, next] of cells(text)) {
    if (width + next > max - 1) break;
    out += grapheme;
    width += next;
  }
  return `${out}…`;
}

export type Align = 'left' | 'right';

/** Lays rows out in columns two spaces apart; no line ends in spaces, even after an empty cell. */
export function table(rows: string[][], align: Align[] = []): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, displayWidth(cell));
    });
  }
  const lines = rows.map((row) =>
    row
      .map((cell, column) => {
        if (column === row.length - 1 && align[column] !== 'right') return cell;
        const gap = ' '.repeat((widths[column] ?? 0) - displayWidth(cell));
        return align[column] === 'right' ? gap + cell : cell + gap;
      })
      .join('  ')
      .trimEnd(),
  );
  return lines.map((line) => `${line}\n`).join('');
}
