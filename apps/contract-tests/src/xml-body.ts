import { XMLBuilder, XMLParser } from 'fast-xml-parser';

// The tests' own XML writer and reader (not the mock's), so that the mock's XML is checked by
// independent code.

function node(value: unknown): unknown {
  if (value === null) return { '@_i:nil': 'true' };
  if (Array.isArray(value)) return { [typeof value[0] === 'number' ? 'int' : 'item']: value.map(node) };
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, node(v)]));
  return String(value);
}

export function toXml(value: unknown, root = 'request'): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, suppressBooleanAttributes: false });
  return builder.build({ [root]: { ...(node(value) as object), '@_xmlns:i': 'http://www.w3.org/2001/XMLSchema-instance' } });
}

export function parseXml(text: string): Record<string, unknown> {
  return new XMLParser({ ignoreAttributes: false, ignoreDeclaration: true, parseTagValue: false }).parse(text) as Record<string, unknown>;
}
