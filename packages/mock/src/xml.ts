import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { itemSchema } from './wire-names.ts';
import { subschemas, type OpenApiDocument, type Schema } from './spec.ts';

// Prism cannot read XML request bodies nor write XML responses from JSON examples, while the
// server speaks both. The mock's front converts: XML in, JSON to Prism, JSON back, XML out,
// in the DataContract style the server uses (nulls as i:nil, arrays as ArrayOfX).

const NIL_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
}

function typesOf(doc: OpenApiDocument, schema: Schema | undefined): Set<string> {
  const types = new Set<string>();
  for (const part of schema ? subschemas(doc, schema) : []) {
    for (const type of [part.type].flat()) if (typeof type === 'string') types.add(type);
    if (part.properties) types.add('object');
    if (part.items) types.add('array');
  }
  return types;
}

function propertySchema(doc: OpenApiDocument, schema: Schema | undefined, name: string): Schema | undefined {
  for (const part of schema ? subschemas(doc, schema) : []) {
    const properties = (part.properties ?? {}) as Record<string, Schema>;
    const key = Object.keys(properties).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (key) return properties[key];
  }
  for (const part of schema ? subschemas(doc, schema) : []) {
    if (part.additionalProperties && typeof part.additionalProperties === 'object') return part.additionalProperties as Schema;
  }
  return undefined;
}

function isNil(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  return Object.entries(node).some(([key, value]) => key.startsWith('@_') && key.endsWith(':nil') && value === 'true');
}

function coerce(doc: OpenApiDocument, node: unknown, schema: Schema | undefined): unknown {
  if (isNil(node)) return null;
  const types = typesOf(doc, schema);
  if (types.has('array')) {
    if (node === '' || node === undefined) return [];
    const children = Object.entries(node as Record<string, unknown>).filter(([key]) => !key.startsWith('@_'));
    const items = itemSchema(doc, schema!);
    return children.flatMap(([, child]) => [child].flat()).map((child) => coerce(doc, child, items));
  }
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node as Record<string, unknown>)
        .filter(([key]) => !key.startsWith('@_'))
        .map(([key, child]) => [key, coerce(doc, child, propertySchema(doc, schema, key))]),
    );
  }
  const text = String(node ?? '');
  if (types.has('object') && text === '') return {};
  if ((types.has('integer') || types.has('number')) && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text);
  if (types.has('boolean') && /^(true|false)$/i.test(text.trim())) return text.trim().toLowerCase() === 'true';
  return text;
}

/** Parses an XML request body into the JSON value the schema describes. */
export function xmlToJson(doc: OpenApiDocument, xml: string, schema: Schema | undefined): unknown {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new XmlSyntaxError(`${valid.err.msg} (line ${valid.err.line})`);
  const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false, ignoreDeclaration: true, trimValues: true }).parse(xml) as Record<string, unknown>;
  const roots = Object.entries(parsed).filter(([key]) => !key.startsWith('?'));
  if (roots.length !== 1) throw new XmlSyntaxError('expected exactly one root element');
  return coerce(doc, roots[0]![1], schema);
}

function xmlName(doc: OpenApiDocument, schema: Schema | undefined): string | undefined {
  for (const part of schema ? subschemas(doc, schema) : []) {
    const name = (part.xml as { name?: string } | undefined)?.name;
    if (name) return name;
  }
  return undefined;
}

function toNode(doc: OpenApiDocument, value: unknown, schema: Schema | undefined): unknown {
  if (value === null || value === undefined) return { '@_i:nil': 'true' };
  if (Array.isArray(value)) {
    const items = schema ? itemSchema(doc, schema) : undefined;
    const childName = xmlName(doc, items) ?? (typeof value[0] === 'number' ? 'int' : 'item');
    return { [childName]: value.map((item) => toNode(doc, item, items)) };
  }
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, child]) => [key, toNode(doc, child, propertySchema(doc, schema, key))]),
    );
  }
  return String(value);
}

/** Writes a JSON response value as the server's XML, the root element named from the schema. */
export function jsonToXml(doc: OpenApiDocument, value: unknown, schema: Schema | undefined): string {
  const items = schema ? itemSchema(doc, schema) : undefined;
  const fallback = Array.isArray(value) ? `ArrayOf${xmlName(doc, items) ?? 'item'}` : typeof value === 'number' ? 'int' : typeof value === 'boolean' ? 'boolean' : 'Result';
  const rootName = (Array.isArray(value) ? undefined : value !== null && typeof value === 'object' ? xmlName(doc, schema) : undefined) ?? fallback;
  const root = toNode(doc, value, schema);
  const element = typeof root === 'object' ? { ...(root as object), '@_xmlns:i': NIL_NAMESPACE } : root;
  const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true, suppressBooleanAttributes: false });
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build({ [rootName]: element })}`;
}
