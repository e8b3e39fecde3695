import colors from '@colors/colors/safe.js';

// Tables drawn here rather than by a library: rows are written as they come (query --all-pages
// streams pages), the work is linear in the text (a 10 MB cell, a page of 200,000 rows), and no
// array is ever spread into a call (Math.max(...widths) overflows the stack past ~100,000).
// Cells come in already made visible (see visible.ts): no control character reaches here.

/** A combining mark or other zero-width character: it takes no column. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200d\u2060\ufeff]$/u;

/** East Asian wide and fullwidth characters, and the emoji blocks: two columns (as terminals draw them). */
function isWide(code: number): boolean {
  return (
    code >= 0x1100 &&
    (code <= 0x115f ||
      code === 0x2329 ||
      code === 0x232a ||
      (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1f300 && code <= 0x1f64f) ||
      (code >= 0x1f900 && code <= 0x1f9ff) ||
      (code >= 0x20000 && code <= 0x3fffd))
  );
}

function charWidth(character: string): number {
  const code = character.codePointAt(0)!;
  if (code < 0x300) return 1;
  if (ZERO_WIDTH.test(character)) return 0;
  return isWide(code) ? 2 : 1;
}

/** The columns `text` takes; counting stops once past `limit` (a 10 MB cell is not read through for a width of 80). */
export function textWidth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let width = 0;
  for (const character of text) {
    width += charWidth(character);
    if (width > limit) return width;
  }
  return width;
}

const ELLIPSIS = '…';

/** `text` within `width` columns: as it is when it fits, otherwise cut and ended with an ellipsis. */
export function cut(text: string, width: number): string {
  if (textWidth(text, width) <= width) return text;
  let kept = '';
  let used = 0;
  for (const character of text) {
    const size = charWidth(character);
    if (used + size > width - 1) break;
    kept += character;
    used += size;
  }
  return `${kept}${ELLIPSIS}`;
}

/** `text` cut into lines of at most `width` columns, at most `maxLines` of them (the last then ends in an ellipsis, and `cut` says so). */
export function wrapped(text: string, width: number, maxLines: number): { lines: string[]; cut: boolean } {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const character of text) {
    const size = charWidth(character);
    if (used + size > width) {
      if (lines.length === maxLines - 1) {
        lines.push(cut(`${line}${character}`, width));
        return { lines, cut: true };
      }
      lines.push(line);
      line = '';
      used = 0;
    }
    line += character;
    used += size;
  }
  lines.push(line);
  return { lines, cut: false };
}

/** `text` padded with spaces to `width` columns; text already as wide or wider is left as it is. */
function padded(text: string, width: number): string {
  const missing = width - textWidth(text, width);
  return missing > 0 ? `${text}${' '.repeat(missing)}` : text;
}

/** One space either side of each cell's text, and a border before each column and after the last. */
export const PADDING = 2;
export const tableChrome = (count: number) => count * (PADDING + 1) + 1;

/**
 * A table's lines, drawn as cli-table3 drew them (the look the CLI has always had), for columns
 * of the given text widths. With `cut`, a longer cell is cut with an ellipsis; without (piped,
 * where a file or grep gets every character), it is shown whole and the row is not padded to it.
 */
export class TableDrawing {
  readonly #widths: readonly number[];
  readonly #cut: boolean;
  readonly #colour: boolean;

  constructor(widths: readonly number[], options: { cut: boolean; colour: boolean }) {
    this.#widths = widths;
    this.#cut = options.cut;
    this.#colour = options.colour;
  }

  #border(text: string): string {
    return this.#colour ? colors.grey(text) : text;
  }

  #rule(left: string, middle: string, right: string): string {
    return this.#border(`${left}${this.#widths.map((width) => '─'.repeat(width + PADDING)).join(middle)}${right}`);
  }

  top(): string {
    return `${this.#rule('┌', '┬', '┐')}\n`;
  }

  /** The rule under the heading. */
  middle(): string {
    return `${this.#rule('├', '┼', '┤')}\n`;
  }

  bottom(): string {
    return `${this.#rule('└', '┴', '┘')}\n`;
  }

  /** One line of cells; `head` colours them as the heading. */
  row(cells: readonly string[], head = false): string {
    const bar = this.#border('│');
    let line = bar;
    for (let i = 0; i < this.#widths.length; i++) {
      const width = this.#widths[i]!;
      const text = padded(this.#cut ? cut(cells[i] ?? '', width) : (cells[i] ?? ''), width);
      line += ` ${head && this.#colour ? colors.cyan(text) : text} ${bar}`;
    }
    return `${line}\n`;
  }
}
