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

export default function soBatchPlugin() {
  return {
    id: 'so-batch',
    rules: {
      oas3: {
        'property-described': PropertyDescribed,
        'body-has-400': BodyHas400,
      },
    },
  };
}
