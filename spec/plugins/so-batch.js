// Lint rules for this spec's conventions that Redocly's configurable rules cannot express.

/** Every schema property is described, on itself or on the schema it references. */
function PropertyDescribed() {
  return {
    Schema: {
      enter(schema, ctx) {
        for (const [name, property] of Object.entries(schema.properties ?? {})) {
          const target = property.$ref ? ctx.resolve(property).node : property;
          if (property.description || target?.description) continue;
          ctx.report({
            message: `Property "${name}" has no description.`,
            location: ctx.location.child(['properties', name]).key(),
          });
        }
      },
    },
  };
}

/** Every operation that takes a request body answers a malformed one with 400. */
function BodyHas400() {
  return {
    Operation: {
      enter(operation, ctx) {
        if (operation.requestBody && !operation.responses?.['400']) {
          ctx.report({
            message: 'An operation with a request body declares a 400 response.',
            location: ctx.location.child(['responses']).key(),
          });
        }
      },
    },
  };
}

/**
 * `x-so-batch-never-null` (the properties an answer without `$select` never sends as null, which
 * the generators read) is a list of names the schema declares, on itself or its allOf members:
 * a misspelt or removed name would otherwise silently type nothing.
 */
function NeverNullDeclared() {
  /** The property names of a schema and of its allOf members, recursively, through `$ref`s. */
  function declared(ctx, node, from, seen = new Set()) {
    while (node && typeof node === 'object' && '$ref' in node) {
      const { node: target, location } = ctx.resolve(node, from);
      node = target;
      from = location?.source.absoluteRef ?? from;
    }
    if (!node || typeof node !== 'object' || seen.has(node)) return [];
    seen.add(node);
    return [...Object.keys(node.properties ?? {}), ...(node.allOf ?? []).flatMap((member) => declared(ctx, member, from, seen))];
  }

  return {
    Schema: {
      enter(schema, ctx) {
        const list = schema['x-so-batch-never-null'];
        if (list === undefined) return;
        const at = ctx.location.child(['x-so-batch-never-null']);
        if (!Array.isArray(list) || list.some((name) => typeof name !== 'string')) {
          ctx.report({ message: 'x-so-batch-never-null is a list of property names.', location: at });
          return;
        }
        const names = declared(ctx, schema, ctx.location.source.absoluteRef);
        list.forEach((name, i) => {
          if (names.includes(name)) return;
          ctx.report({
            message: `x-so-batch-never-null lists "${name}", which is not a property of this schema (or of its allOf members).`,
            location: at.child([i]),
          });
        });
      },
    },
  };
}

/**
 * Every property name in an example is declared by the example's schema.
 *
 * Why a rule of its own: `no-invalid-media-type-examples` with `allowAdditionalProperties: false`
 * does not see an extra property in, say, a BatchTaskInfo example. Redocly's Ajv fork implements
 * that option as a default `unevaluatedProperties: false` only on a subschema that has its own
 * `properties` and is not an `allOf` member (so that one member does not reject the names another
 * member declares). BatchTaskInfo has no `properties` of its own (it is `allOf: [BatchTaskInfoFields]`
 * plus `required`) and BatchTaskInfoFields is only reached as an `allOf` member, so neither gets
 * the default, and `Bogus: 1` validates. The schemas stay open on purpose (a newer server may add
 * properties), so the check lives here, in lint only: it never changes how a payload validates.
 *
 * What counts as declared: the names under `properties` of the schema and of every `allOf` member
 * (recursively, through `$ref`s); for `oneOf`/`anyOf`, the alternative that fits the value best.
 * A schema that opens itself explicitly (`additionalProperties: true` or a schema,
 * `patternProperties`) declares the other names too; values under it are checked against it.
 * Examples checked: media types' and parameters' and headers' `example` and `examples` (inline or
 * `$ref` to components/examples), and schemas' own `example`/`examples`.
 */
function ExamplePropertiesDeclared() {
  const reported = new Set();

  /** Resolve a `$ref` relative to the file it sits in; answers { node, from }. */
  function deref(ctx, node, from) {
    let current = { node, from };
    for (let hops = 0; hops < 32 && current.node && typeof current.node === 'object' && '$ref' in current.node; hops++) {
      const { node: target, location } = ctx.resolve(current.node, current.from);
      if (target === undefined) return { node: undefined, from: current.from };
      current = { node: target, from: location?.source.absoluteRef ?? current.from };
    }
    return current;
  }

  function matches(pattern, name) {
    try {
      return new RegExp(pattern, 'u').test(name);
    } catch {
      return false; // not an ECMAScript pattern: it declares nothing this rule can read
    }
  }

  function jsonType(value) {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'array';
    if (Number.isInteger(value)) return 'integer';
    return typeof value; // object, string, number, boolean
  }

  /** The schema and its `allOf` members, recursively, each resolved: a list of { node, from }. */
  function conjuncts(ctx, schema, seen = new Set()) {
    const resolved = deref(ctx, schema.node, schema.from);
    if (!resolved.node || typeof resolved.node !== 'object' || seen.has(resolved.node)) return [];
    seen.add(resolved.node);
    const members = (resolved.node.allOf ?? []).map((member) => ({ node: member, from: resolved.from }));
    return [resolved, ...members.flatMap((member) => conjuncts(ctx, member, seen))];
  }

  /** Whether a schema's `type` (on it or its allOf members) admits the value. */
  function admits(ctx, schema, value) {
    const type = jsonType(value);
    return conjuncts(ctx, schema).every(({ node }) => {
      if (node.type === undefined) return true;
      const types = Array.isArray(node.type) ? node.type : [node.type];
      return types.includes(type) || (type === 'integer' && types.includes('number'));
    });
  }

  /** The undeclared property names in value, as pointers (arrays of segments) below it. */
  function undeclared(ctx, schemas, value, path) {
    if (value === null || typeof value !== 'object') return [];
    const parts = schemas.flatMap((schema) => conjuncts(ctx, schema));

    // Pick the alternative of the first oneOf/anyOf that fits best, then go on with the rest.
    const index = parts.findIndex(({ node }) => node.oneOf || node.anyOf);
    if (index !== -1) {
      const { node, from } = parts[index];
      const keyword = node.oneOf ? 'oneOf' : 'anyOf';
      const rest = { ...node };
      delete rest[keyword];
      const others = [...parts.slice(0, index), { node: rest, from }, ...parts.slice(index + 1)];
      const alternatives = node[keyword]
        .map((alternative) => ({ node: alternative, from }))
        .filter((alternative) => admits(ctx, alternative, value));
      if (alternatives.length === 0) return undeclared(ctx, others, value, path);
      let best;
      for (const alternative of alternatives) {
        const found = undeclared(ctx, [...others, alternative], value, path);
        if (!best || found.length < best.length) best = found;
        if (best.length === 0) break;
      }
      return best;
    }

    if (Array.isArray(value)) {
      const items = parts.filter(({ node }) => node.items && typeof node.items === 'object')
        .map(({ node, from }) => ({ node: node.items, from }));
      if (items.length === 0) return [];
      return value.flatMap((item, i) => undeclared(ctx, items, item, [...path, i]));
    }

    const shaped = parts.some(({ node }) =>
      node.properties || node.patternProperties || node.additionalProperties !== undefined ||
      node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object')));
    if (!shaped) return []; // a schema that says nothing about objects declares no names to check

    const found = [];
    for (const [name, child] of Object.entries(value)) {
      const declared = parts.filter(({ node }) => node.properties && Object.hasOwn(node.properties, name))
        .map(({ node, from }) => ({ node: node.properties[name], from }));
      const patterned = parts.flatMap(({ node, from }) => Object.entries(node.patternProperties ?? {})
        .filter(([pattern]) => matches(pattern, name))
        .map(([, schema]) => ({ node: schema, from })));
      const childSchemas = [...declared, ...patterned];
      if (childSchemas.length === 0) {
        const open = parts.filter(({ node }) => node.additionalProperties !== undefined && node.additionalProperties !== false);
        if (open.length === 0) {
          found.push([...path, name]);
          continue;
        }
        childSchemas.push(...open.filter(({ node }) => typeof node.additionalProperties === 'object')
          .map(({ node, from }) => ({ node: node.additionalProperties, from })));
      }
      if (childSchemas.length > 0) found.push(...undeclared(ctx, childSchemas, child, [...path, name]));
    }
    return found;
  }

  function check(ctx, schema, value, location) {
    if (!schema) return;
    const from = ctx.location.source.absoluteRef;
    for (const pointer of undeclared(ctx, [{ node: schema, from }], value, [])) {
      const at = location.child(pointer);
      const key = `${at.source.absoluteRef}#${at.pointer}`;
      if (reported.has(key)) continue;
      reported.add(key);
      ctx.report({
        message: `Example property "${pointer.at(-1)}" is not declared by its schema (or by its allOf members).`,
        location: at.key(),
      });
    }
  }

  /** `example` and `examples` of a media type, parameter or header, against its `schema`. */
  function checkHolder(holder, ctx) {
    if (!holder.schema) return;
    if (holder.example !== undefined) check(ctx, holder.schema, holder.example, ctx.location.child(['example']));
    for (const [name, example] of Object.entries(holder.examples ?? {})) {
      const { node, location } = ctx.resolve(example);
      if (!node || node.value === undefined) continue;
      const at = example.$ref && location ? location : ctx.location.child(['examples', name]);
      check(ctx, holder.schema, node.value, at.child(['value']));
    }
  }

  return {
    MediaType: { enter: checkHolder },
    Parameter: { enter: checkHolder },
    Header: { enter: checkHolder },
    Schema: {
      enter(schema, ctx) {
        if (schema.example !== undefined) check(ctx, schema, schema.example, ctx.location.child(['example']));
        if (Array.isArray(schema.examples)) {
          schema.examples.forEach((example, i) => check(ctx, schema, example, ctx.location.child(['examples', i])));
        }
      },
    },
  };
}

export default function soBatchPlugin() {
  return {
    id: 'so-batch',
    rules: {
      oas3: {
        'property-described': PropertyDescribed,
        'body-has-400': BodyHas400,
        'example-properties-declared': ExamplePropertiesDeclared,
        'never-null-declared': NeverNullDeclared,
      },
    },
  };
}
