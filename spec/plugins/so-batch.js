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

/** A node, its `$ref`s followed (relative to the file each sits in). */
function derefNode(ctx, node, from) {
  for (let hops = 0; hops < 32 && node && typeof node === 'object' && '$ref' in node; hops++) {
    const { node: target, location } = ctx.resolve(node, from);
    node = target;
    from = location?.source.absoluteRef ?? from;
  }
  return { node, from };
}

/** The property names of a schema and of its allOf members, through `$ref`s. */
function schemaProperties(ctx, node, from, seen = new Set()) {
  ({ node, from } = derefNode(ctx, node, from));
  if (!node || typeof node !== 'object' || seen.has(node)) return new Map();
  seen.add(node);
  const properties = new Map();
  for (const member of node.allOf ?? []) for (const [name, value] of schemaProperties(ctx, member, from, seen)) properties.set(name, value);
  for (const [name, value] of Object.entries(node.properties ?? {})) properties.set(name, { node: value, from });
  return properties;
}

/** What is wrong with an `x-so-batch-archive` description, as [path, message] pairs. */
function archiveProblems(archive, columnItems) {
  const problems = [];
  const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
  const positive = (value) => Number.isInteger(value) && value > 0;
  if (!isObject(archive)) return [[[], 'x-so-batch-archive is an object (entity, pageSize, kinds, columns, operators, functions, periods, directions, limits).']];
  if (typeof archive.entity !== 'string' || archive.entity === '') problems.push([['entity'], 'entity is the rows\' EntityName, a non-empty string.']);
  if (!positive(archive.pageSize)) problems.push([['pageSize'], 'pageSize is a whole number, 1 or more.']);
  const kinds = isObject(archive.kinds) ? Object.keys(archive.kinds) : [];
  if (kinds.length === 0) problems.push([['kinds'], 'kinds names the kinds of value, each with a title and a description.']);
  for (const kind of kinds) {
    const entry = archive.kinds[kind];
    if (!isObject(entry) || typeof entry.title !== 'string' || typeof entry.description !== 'string') problems.push([['kinds', kind], `kind "${kind}" has a title and a description.`]);
  }
  const names = new Map();
  const claim = (name, path) => {
    const key = String(name).toLowerCase();
    if (names.has(key)) problems.push([path, `"${name}" is already the name of ${names.get(key)}: names are read case-insensitively.`]);
    else names.set(key, path.join('/'));
  };
  const arities = ['none', 'one', 'two', 'list'];
  const checkKinds = (list, path) => {
    if (!Array.isArray(list) || list.length === 0) return problems.push([path, 'kinds is a non-empty list of the archive\'s kinds.']);
    list.forEach((kind, i) => kinds.includes(kind) || problems.push([[...path, i], `"${kind}" is not one of the archive's kinds (${kinds.join(', ')}).`]));
  };
  if (!Array.isArray(archive.columns) || archive.columns.length === 0) problems.push([['columns'], 'columns is a non-empty list.']);
  (archive.columns ?? []).forEach((column, i) => {
    const at = ['columns', i];
    if (!isObject(column) || typeof column.name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(column.name)) return problems.push([at, 'a column has a name of letters, digits and _.']);
    claim(column.name, at);
    if (!kinds.includes(column.kind)) problems.push([[...at, 'kind'], `column "${column.name}" has kind "${column.kind}", not one of ${kinds.join(', ')}.`]);
    if (typeof column.default !== 'boolean') problems.push([[...at, 'default'], `column "${column.name}" says whether it is in the rows without $select (default: true or false).`]);
    const items = columnItems(column.property);
    if (items === undefined) problems.push([[...at, 'property'], `column "${column.name}" shows "${column.property}", which is not a BatchTaskInfo property.`]);
    else if (column.kind === 'list' && items === null) problems.push([[...at, 'property'], `list column "${column.name}" shows "${column.property}", which is not an enum with x-so-batch-numbers (a number for each of its values).`]);
  });
  if (!Array.isArray(archive.operators) || archive.operators.length === 0) problems.push([['operators'], 'operators is a non-empty list.']);
  (archive.operators ?? []).forEach((operator, i) => {
    const at = ['operators', i];
    if (!isObject(operator) || typeof operator.name !== 'string') return problems.push([at, 'an operator has a name.']);
    claim(operator.name, at);
    for (const [j, alias] of (operator.aliases ?? []).entries()) claim(alias, [...at, 'aliases', j]);
    if (!arities.includes(operator.arity)) problems.push([[...at, 'arity'], `operator "${operator.name}" has arity "${operator.arity}", not one of ${arities.join(', ')}.`]);
    if (typeof operator.description !== 'string') problems.push([at, `operator "${operator.name}" has a description.`]);
    checkKinds(operator.kinds, [...at, 'kinds']);
  });
  (archive.functions ?? []).forEach((fn, i) => {
    const at = ['functions', i];
    if (!isObject(fn) || typeof fn.name !== 'string' || typeof fn.form !== 'string' || typeof fn.description !== 'string') return problems.push([at, 'a function has a name, a form and a description.']);
    checkKinds(fn.kinds, [...at, 'kinds']);
  });
  if (!Array.isArray(archive.periods) || archive.periods.some((period) => typeof period !== 'string')) problems.push([['periods'], 'periods is a list of names.']);
  if (!Array.isArray(archive.directions) || archive.directions.length === 0) problems.push([['directions'], 'directions is a non-empty list; the first is the default.']);
  for (const limit of ['parameterLength', 'conditions', 'listValues', 'periodCount']) {
    if (!positive(archive.limits?.[limit])) problems.push([['limits', limit], `limits.${limit} is a whole number, 1 or more.`]);
  }
  return problems;
}

/**
 * `x-so-batch-archive` (the BatchTasks archive, which the mock, the client and the CLI are
 * generated from) is whole and agrees with the schemas: every column shows a BatchTaskInfo
 * property, a list column's property is an enum whose every value has a number, kinds are
 * declared, names are unique. A generator would otherwise fail later, or worse, not at all.
 */
function ArchiveConsistent() {
  const found = [];
  let taskProperties = new Map();
  return {
    NamedSchemas: {
      enter(map, ctx) {
        if (map.BatchTaskInfo) taskProperties = schemaProperties(ctx, map.BatchTaskInfo, ctx.location.source.absoluteRef);
        found.ctx = ctx;
      },
    },
    Operation: {
      enter(operation, ctx) {
        if (operation['x-so-batch-archive'] === undefined) return;
        const { node } = derefNode(ctx, operation['x-so-batch-archive'], ctx.location.source.absoluteRef);
        found.push({ node, location: ctx.location.child(['x-so-batch-archive']), ctx });
      },
    },
    Root: {
      leave() {
        for (const { node, location, ctx } of found) {
          const columnItems = (property) => {
            const entry = taskProperties.get(property);
            if (!entry) return undefined;
            // The enum itself, or the enum of a nullable `oneOf: [enum, null]`.
            const { node: schema, from } = derefNode(ctx, entry.node, entry.from);
            const candidates = [schema, ...[...(schema?.oneOf ?? []), ...(schema?.anyOf ?? [])].map((member) => derefNode(ctx, member, from).node)];
            const enumSchema = candidates.find((candidate) => Array.isArray(candidate?.enum));
            if (!enumSchema) return null;
            const numbers = enumSchema['x-so-batch-numbers'];
            if (!numbers || enumSchema.enum.some((value) => !Number.isInteger(numbers[value]))) return null;
            return numbers;
          };
          for (const [path, message] of archiveProblems(node, columnItems)) ctx.report({ message: `x-so-batch-archive: ${message}`, location: path.length ? location.child(path) : location });
        }
      },
    },
  };
}

/** Markdown tables of the archive, for the operation's description (the docs page shows them). */
function archiveTables(archive) {
  const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const code = (text) => `\`${text}\``;
  const kindTitle = (kind) => archive.kinds[kind]?.title ?? kind;
  const forms = { none: 'column op', one: 'column op value', two: 'column op (low, high)', list: 'column op (v1, v2, ...)' };
  const lines = [
    '',
    '### The BatchTasks archive',
    '',
    `Rows of entity ${code(archive.entity)}, at most ${archive.pageSize} per answer: \`odata.nextLink\` leads to the rest. ` +
      `\`$orderBy\` takes columns, each optionally ${archive.directions.map(code).join(' or ')} (${code(archive.directions[0])} by default). ` +
      `A query has at most ${archive.limits.parameterLength} characters per parameter, ${archive.limits.conditions} conditions and ${archive.limits.listValues} list values; more is refused (400).`,
    '',
    '| Column | Kind | BatchTaskInfo property | Without $select |',
    '| --- | --- | --- | --- |',
    ...archive.columns.map((column) => `| ${code(column.name)} | ${cell(kindTitle(column.kind))} | ${code(column.property)} | ${column.default ? 'yes' : 'no'} |`),
    '',
    '| Kind | Values |',
    '| --- | --- |',
    ...Object.entries(archive.kinds).map(([, kind]) => `| ${cell(kind.title)} | ${cell(kind.description)} |`),
    '',
    '| Operator | Also written | Form | Kinds | Means |',
    '| --- | --- | --- | --- | --- |',
    ...archive.operators.map(
      (operator) =>
        `| ${code(operator.name)} | ${(operator.aliases ?? []).map(code).join(', ')} | ${code(forms[operator.arity])} | ${operator.kinds.map(kindTitle).join(', ')} | ${cell(operator.description)} |`,
    ),
    '',
    '| Function | Kinds | Means |',
    '| --- | --- | --- |',
    ...archive.functions.map((fn) => `| ${code(fn.form)} | ${fn.kinds.map(kindTitle).join(', ')} | ${cell(fn.description)} |`),
    '',
    `Periods: ${archive.periods.map(code).join(', ')}.`,
  ];
  return lines.join('\n');
}

/** Bundling: the operation's description gains the archive's tables, so the docs show what the generators read. */
function ArchiveTables() {
  return {
    Operation: {
      leave(operation, ctx) {
        if (operation['x-so-batch-archive'] === undefined) return;
        const { node } = derefNode(ctx, operation['x-so-batch-archive'], ctx.location.source.absoluteRef);
        // A broken description is the lint rule's to report; the bundle then goes without the tables.
        if (archiveProblems(node, () => true).length > 0) return;
        operation.description = `${(operation.description ?? '').trimEnd()}\n${archiveTables(node)}\n`;
      },
    },
  };
}

export default function soBatchPlugin() {
  return {
    id: 'so-batch',
    decorators: {
      oas3: {
        'archive-tables': ArchiveTables,
      },
    },
    rules: {
      oas3: {
        'archive-consistent': ArchiveConsistent,
        'property-described': PropertyDescribed,
        'body-has-400': BodyHas400,
        'example-properties-declared': ExamplePropertiesDeclared,
        'never-null-declared': NeverNullDeclared,
      },
    },
  };
}
