import type { EFieldRight, ETableRight, FieldRight, TableRight } from './types.ts';

// The rights masks travel as .NET flag enums: the names of the set flags joined by ", "
// ("Select, Update"), or one alias for a combination ("FULL", "UR"). These helpers turn them
// into flag lists and back, so a caller never splits or joins the strings itself.

export const TABLE_RIGHT_FLAGS = {
  Select: 1,
  Update: 2,
  Insert: 4,
  Delete: 8,
  Filtering: 16,
  RestrictedUpdate: 32,
  Unused1: 64,
  Uninitialized: 128,
} as const;
const TABLE_RIGHT_ALIASES = { None: 0, R: 1, UR: 3, RI: 5, URI: 7, UDR: 11, FULL: 15, F: 16, RF: 17, FI: 20 } as const;

export const FIELD_RIGHT_FLAGS = {
  Read: 1,
  Write: 2,
  Unused1: 4,
  Unused2: 8,
  Unused3: 16,
  Nullable: 32,
  UIHintMandatory: 64,
  UIHintReadOnly: 128,
  UndefinedValue256: 256,
} as const;
// Unused4 shares 32 with Nullable; FULL appears in the reference pages' samples as a field mask
// and is read as Read + Write.
const FIELD_RIGHT_ALIASES = { None: 0, Update: 3, UIHints: 192, Unused4: 32, FULL: 3 } as const;

export type TableRightFlag = keyof typeof TABLE_RIGHT_FLAGS;
export type FieldRightFlag = keyof typeof FIELD_RIGHT_FLAGS;

function parse<F extends string>(kind: string, mask: string, flags: Record<F, number>, aliases: Record<string, number>): F[] {
  if (typeof mask !== 'string') throw new TypeError(`${kind}: expected a mask string such as "Select, Update", not ${typeof mask}.`);
  let bits = 0;
  for (const name of mask.split(',').map((part) => part.trim()).filter(Boolean)) {
    const value = (flags as Record<string, number>)[name] ?? aliases[name];
    if (value === undefined) throw new TypeError(`${kind}: unknown flag "${name}" in "${mask}".`);
    bits |= value;
  }
  return (Object.keys(flags) as F[]).filter((flag) => (bits & flags[flag]) !== 0);
}

function format<F extends string>(kind: string, flagList: Iterable<F>, flags: Record<F, number>): string {
  const set = new Set(flagList);
  for (const flag of set) if (!(flag in flags)) throw new TypeError(`${kind}: unknown flag "${String(flag)}".`);
  const ordered = (Object.keys(flags) as F[]).filter((flag) => set.has(flag));
  return ordered.length ? ordered.join(', ') : 'None';
}

function maskOf(right: string | { Mask: string } | null | undefined): string | undefined {
  return right === null || right === undefined ? undefined : typeof right === 'string' ? right : right.Mask;
}

/** "Select, Update", "UR" or "FULL" → the flags it sets, in the server's bit order. */
export function parseTableRight(mask: ETableRight): TableRightFlag[] {
  return parse('parseTableRight', mask, TABLE_RIGHT_FLAGS, TABLE_RIGHT_ALIASES);
}

/** Flags → the mask as the server reads it ("Select, Update"; "None" for no flag). */
export function formatTableRight(flags: Iterable<TableRightFlag>): ETableRight {
  return format('formatTableRight', flags, TABLE_RIGHT_FLAGS);
}

/** Whether a TableRight (or its mask) grants a flag; false for a null right (not computed). */
export function hasTableRight(right: TableRight | ETableRight | null | undefined, flag: TableRightFlag): boolean {
  const mask = maskOf(right);
  return mask !== undefined && parseTableRight(mask).includes(flag);
}

/** "Update, UIHintMandatory" → the flags it sets (Update is Read + Write). */
export function parseFieldRight(mask: EFieldRight): FieldRightFlag[] {
  return parse('parseFieldRight', mask, FIELD_RIGHT_FLAGS, FIELD_RIGHT_ALIASES);
}

export function formatFieldRight(flags: Iterable<FieldRightFlag>): EFieldRight {
  return format('formatFieldRight', flags, FIELD_RIGHT_FLAGS);
}

export function hasFieldRight(right: FieldRight | EFieldRight | null | undefined, flag: FieldRightFlag): boolean {
  const mask = maskOf(right);
  return mask !== undefined && parseFieldRight(mask).includes(flag);
}
