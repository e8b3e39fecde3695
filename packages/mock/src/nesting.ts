// How deeply a request body nests, read off its text before anything parses or walks it: the
// front's walkers (toWireNames, the XML conversion, JSON.stringify itself) recurse, and a body of
// a few kilobytes nested thousands deep would overflow the stack. Both scanners are one linear
// pass without recursion, and stop as soon as the limit is passed.

/** Whether a JSON text nests arrays and objects more than `limit` deep. Strings are skipped. */
export function jsonNestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x22 /* " */) {
      // Skip the string, escapes included; an unterminated one is JSON.parse's to report.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c /* \ */) i++;
    } else if (char === 0x5b /* [ */ || char === 0x7b /* { */) {
      if (++depth > limit) return true;
    } else if (char === 0x5d /* ] */ || char === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}

/**
 * Whether an XML text nests elements more than `limit` deep. Comments, CDATA, processing
 * instructions and the DOCTYPE (with its internal subset) are skipped; a text that is not XML
 * at all is left to the XML validator to describe.
 */
export function xmlNestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let i = 0;
  const skipPast = (from: number, end: string) => {
    const at = text.indexOf(end, from);
    return at < 0 ? text.length : at + end.length;
  };
  while (i < text.length) {
    const open = text.indexOf('<', i);
    if (open < 0) break;
    if (text.startsWith('<!--', open)) i = skipPast(open + 4, '-->');
    else if (text.startsWith('<![CDATA[', open)) i = skipPast(open + 9, ']]>');
    else if (text.startsWith('<?', open)) i = skipPast(open + 2, '?>');
    else if (text.startsWith('<!', open)) {
      // <!DOCTYPE name [ internal subset ]>: the subset holds markup declarations, not elements.
      const bracket = text.indexOf('[', open);
      const close = text.indexOf('>', open);
      i = bracket >= 0 && (close < 0 || bracket < close) ? skipPast(skipPast(bracket, ']'), '>') : skipPast(open, '>');
    } else if (text[open + 1] === '/') {
      depth--;
      i = skipPast(open, '>');
    } else {
      // A start tag: find its end past any quoted attribute value (which may hold '>').
      let j = open + 1;
      let quote = '';
      for (; j < text.length; j++) {
        const char = text[j]!;
        if (quote) {
          if (char === quote) quote = '';
        } else if (char === '"' || char === "'") quote = char;
        else if (char === '>') break;
      }
      if (text[j - 1] !== '/' && ++depth > limit) return true;
      i = j + 1;
    }
  }
  return false;
}
