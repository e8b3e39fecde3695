import fc from 'fast-check';
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
import { expect, it } from 'vitest';
import { finalUrl } from '../src/core.ts';

// The functions build URLs themselves (core.ts), `client.raw` with openapi-fetch: for every kind
// of parameter this spec has (strings, numbers, booleans; arrays of them), the bytes are the same.
const primitive = fc.oneof(fc.string({ unit: 'binary' }), fc.integer(), fc.double({ noNaN: true }), fc.boolean());
const name = fc.stringMatching(/^\$?[A-Za-z][A-Za-z0-9]{0,8}$/);

it('builds the URL openapi-fetch builds, for every primitive path and query value', () => {
  const querySerializer = createQuerySerializer();
  fc.assert(
    fc.property(
      primitive,
      fc.dictionary(name, fc.oneof(primitive, fc.constant(null), fc.constant(undefined), fc.array(primitive, { maxLength: 3 }))),
      fc.option(fc.array(fc.constantFrom('Name', 'State', 'Id'), { minLength: 1, maxLength: 3 }), { nil: undefined }),
      (id, query, select) => {
        const path = '/api/v1/BatchTask/{idOrState}';
        const ours = finalUrl('https://online.superoffice.com/Cust1', { operation: 'x', method: 'GET', path, params: { idOrState: id }, query, select, answer: 'value' });
        const withSelect = select ? { ...query, $select: select.join(',') } : query;
        const theirs = createFinalURL(path, { baseUrl: 'https://online.superoffice.com/Cust1', params: { path: { idOrState: id }, query: withSelect }, querySerializer, pathSerializer: defaultPathSerializer });
        expect(ours).toBe(theirs);
      },
    ),
    { numRuns: 500, seed: 20261129 },
  );
});
