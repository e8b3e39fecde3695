import { ARCHIVE_COLUMN_KINDS, ARCHIVE_DEFAULT_COLUMNS, ARCHIVE_FUNCTIONS, ARCHIVE_OPERATORS } from '@so-batch/client';

// What query's --help and the shell completion say about the BatchTasks archive: its columns,
// their kinds and the operators of each kind, all from the client's values generated from the
// spec's x-so-batch-archive. Nothing here names a column or an operator by hand.

export type ArchiveKind = (typeof ARCHIVE_COLUMN_KINDS)[keyof typeof ARCHIVE_COLUMN_KINDS];

/** The archive's columns, in the spec's order. */
export const ARCHIVE_COLUMNS: readonly string[] = Object.keys(ARCHIVE_COLUMN_KINDS);

/** The kinds, in the order the columns first show them. */
export const ARCHIVE_KINDS: readonly ArchiveKind[] = [...new Set(Object.values(ARCHIVE_COLUMN_KINDS))];

/** Every spelling of every operator that applies to columns of `kind`, in the spec's order. */
export function operatorsOf(kind: ArchiveKind): string[] {
  return Object.entries(ARCHIVE_OPERATORS)
    .filter(([, operator]) => (operator.kinds as readonly string[]).includes(kind))
    .map(([name]) => name);
}

/** An operator as written in a filter: what follows it. */
function operatorForm(name: string): string {
  const arity = ARCHIVE_OPERATORS[name as keyof typeof ARCHIVE_OPERATORS].arity;
  return { none: name, one: `${name} v`, two: `${name} (a, b)`, list: `${name} (v, ...)` }[arity];
}

/** `items` joined with ", " in lines of at most `width`, each after `indent`. */
function wrapped(items: readonly string[], indent: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line ? `${line}, ${item}` : item;
    if (line && indent.length + next.length > width) {
      lines.push(`${line},`);
      line = item;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.map((text, i) => (i === 0 ? text : `${indent}${text}`)).join('\n');
}

/** query --help's part on the archive: columns with their kinds, operators by kind, functions. */
export function archiveHelp(): string {
  const defaults = new Set<string>(ARCHIVE_DEFAULT_COLUMNS);
  const width = Math.max(...ARCHIVE_COLUMNS.map((column) => column.length)) + 2;
  const columns = Object.entries(ARCHIVE_COLUMN_KINDS).map(([column, kind]) => `  ${column.padEnd(width)}${kind.padEnd(10)}${defaults.has(column) ? 'default' : ''}`.trimEnd());
  const kindWidth = Math.max(...ARCHIVE_KINDS.map((kind) => kind.length)) + 2;
  const operators = ARCHIVE_KINDS.map((kind) => `  ${kind.padEnd(kindWidth)}${wrapped(operatorsOf(kind).map(operatorForm), ' '.repeat(kindWidth + 2))}`);
  return `The archive's columns (--select, --order-by, --filter) and their kinds; "default": shown
without --select:
${columns.join('\n')}

Operators of --filter, by the kind of column (v: a value; (a, b): two; (v, ...): a list; none:
no value, as in "associateId currentAssociate"). Conditions join with and:
${operators.join('\n')}

Functions of --filter:
  ${wrapped(ARCHIVE_FUNCTIONS, '  ')}`;
}
