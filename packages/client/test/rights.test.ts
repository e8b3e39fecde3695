import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  formatFieldRight,
  formatTableRight,
  hasFieldRight,
  hasTableRight,
  parseFieldRight,
  parseTableRight,
  type TableRightFlag,
} from '../src/index.ts';

describe('table rights', () => {
  it.each([
    ['Select, Update', ['Select', 'Update']],
    ['UR', ['Select', 'Update']],
    ['FULL', ['Select', 'Update', 'Insert', 'Delete']],
    ['Delete', ['Delete']],
    ['None', []],
    ['RF, RestrictedUpdate', ['Select', 'Filtering', 'RestrictedUpdate']],
  ])('parses %j', (mask, flags) => {
    expect(parseTableRight(mask)).toEqual(flags);
  });

  it('formats flags in the server\'s order, without duplicates', () => {
    expect(formatTableRight(['Update', 'Select', 'Update'])).toBe('Select, Update');
    expect(formatTableRight([])).toBe('None');
    expect(parseTableRight(formatTableRight(['Delete', 'Insert']))).toEqual(['Insert', 'Delete']);
  });

  it('answers whether a right grants a flag, false when the server did not compute it', () => {
    expect(hasTableRight({ Mask: 'FULL', Reason: '' }, 'Delete')).toBe(true);
    expect(hasTableRight('R', 'Update')).toBe(false);
    expect(hasTableRight(null, 'Select')).toBe(false);
  });

  it('names an unknown flag', () => {
    expect(() => parseTableRight('Select, Fly')).toThrow('parseTableRight: unknown flag "Fly" in "Select, Fly".');
    // @ts-expect-error only known flags compile
    expect(() => formatTableRight(['Fly'])).toThrow(/unknown flag "Fly"/);
  });

  it('types the flags', () => {
    expectTypeOf(parseTableRight('FULL')).toEqualTypeOf<TableRightFlag[]>();
  });
});

describe('field rights', () => {
  it.each([
    ['Update, UIHintMandatory', ['Read', 'Write', 'UIHintMandatory']],
    ['UIHints', ['UIHintMandatory', 'UIHintReadOnly']],
    ['Unused4', ['Nullable']],
    ['FULL', ['Read', 'Write']],
  ])('parses %j', (mask, flags) => {
    expect(parseFieldRight(mask)).toEqual(flags);
  });

  it('formats and checks', () => {
    expect(formatFieldRight(['Write', 'Read'])).toBe('Read, Write');
    expect(hasFieldRight({ Mask: 'Update, UIHintMandatory', Reason: '' }, 'UIHintMandatory')).toBe(true);
    expect(hasFieldRight({ Mask: 'Read', Reason: '' }, 'Write')).toBe(false);
  });
});
