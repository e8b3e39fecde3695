// The one rule for text the CLI shows people (tables, property lists, progress, messages): a
// server's strings never drive the terminal. Control characters could clear the screen, set the
// title, write the clipboard (OSC 52), hide a link or overwrite what was printed (CR); bidi
// controls could reorder what is read. Each is shown as an escape instead: `\x1b`, `\u202e`.
// --json is left exact: JSON is for programs, and JSON.stringify escapes C0 itself.

/**
 * C0 (with TAB, CR and LF: a cell is one line), DEL and C1; the line and paragraph separators;
 * the bidi marks, embeddings, overrides and isolates (U+061C, U+200E-U+200F, U+202A-U+202E,
 * U+2066-U+2069).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escaped(character: string): string {
  const code = character.charCodeAt(0);
  return NAMED[character] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** `text` with every control and bidi character shown as an escape, such as `\x1b` or `\u202e`. */
export function visible(text: string): string {
  return text.replace(UNSAFE, escaped);
}
