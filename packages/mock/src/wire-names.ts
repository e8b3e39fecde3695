import { enumValues, subschemas, type OpenApiDocument, type Schema } from './spec.ts';

// The SuperOffice server binds property names and enum names case-insensitively; JSON Schema
// (and so Prism) compares them exactly. These functions rewrite a request to the spec's spelling
// before Prism sees it.

interface PropertyIndex {
  byLowerName: Map<string, { name: string; schema: Schema }>;
  additional: Schema | undefined;
}

function indexProperties(doc: OpenApiDocument, schema: Schema): PropertyIndex {
  const byLowerName = new Map<string, { name: string; schema: Schema }>();
  let additional: Schema | undefined;
  for (const part of subschemas(doc, schema)) {
    for (const [name, propertySchema] of Object.entries((part.properties as Record<string, Schema>) ?? {})) {
      if (!byLowerName.has(name.toLowerCase())) byLowerName.set(name.toLowerCase(), { name, schema: propertySchema });
    }
    if (part.additionalProperties && typeof part.additionalProperties === 'object') {
      additional ??= part.additionalProperties as Schema;
    }
  }
  return { byLowerName, additional };
}

export function itemSchema(doc: OpenApiDocument, schema: Schema): Schema | undefined {
  return subschemas(doc, schema).find((part) => part.items)?.items as Schema | undefined;
}

/** Rewrites property names and enum values to the spelling the schema uses. */
export function toWireNames(doc: OpenApiDocument, value: unknown, schema: Schema | undefined): unknown {
  if (!schema) return value;
  if (Array.isArray(value)) {
    const items = itemSchema(doc, schema);
    return value.map((item) => toWireNames(doc, item, items));
  }
  if (typeof value === 'string') return canonicalEnumValue(enumValues(doc, schema), value);
  if (value === null || typeof value !== 'object') return value;
  const { byLowerName, additional } = indexProperties(doc, schema);
  const entries = Object.entries(value as Record<string, unknown>);
  // An exact spelling wins over a case-insensitive one when both are sent.
  entries.sort(([a], [b]) => Number(byLowerName.get(a.toLowerCase())?.name === a) - Number(byLowerName.get(b.toLowerCase())?.name === b));
  // fromEntries defines own properties, so a key such as "__proto__" stays data.
  return Object.fromEntries(
    entries.map(([key, child]) => {
      const known = byLowerName.get(key.toLowerCase());
      return known ? [known.name, toWireNames(doc, child, known.schema)] : [key, toWireNames(doc, child, additional)];
    }),
  );
}

export function canonicalEnumValue(allowed: string[], value: string): string {
  return allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase()) ?? value;
}

/** Nulls out every property that `$select` leaves out, as the server does. */
export function applySelect(value: unknown, select: string): unknown {
  const wanted = new Set(
    select
      .split(',')
      .map((name) => name.trim().split('/')[0]!.toLowerCase())
      .filter(Boolean),
  );
  const project = (item: unknown): unknown => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    return Object.fromEntries(
      Object.entries(item as Record<string, unknown>).map(([key, child]) => [key, wanted.has(key.toLowerCase()) ? child : null]),
    );
  };
  return Array.isArray(value) ? value.map(project) : project(value);
}
