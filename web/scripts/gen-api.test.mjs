import { describe, expect, it } from 'vitest';
import { nonSnakeCaseProperties } from './gen-api.mjs';

describe('gen-api wire names', () => {
  it('accepts documents that state the snake_case wire names, whatever the paths and parameters are called', () => {
    const document = {
      paths: {
        '/x/{walletId}': {
          get: { parameters: [{ name: 'pageToken', in: 'query' }, { name: 'Idempotency-Key', in: 'header' }] },
        },
      },
      components: {
        schemas: {
          View: {
            type: 'object',
            required: ['user_id'],
            properties: { user_id: { type: 'string' }, headers: { type: 'object', additionalProperties: { type: 'string' } } },
          },
        },
      },
    };
    expect(nonSnakeCaseProperties(document)).toEqual([]);
  });

  it('names every property that is not snake case, nested and inline ones included', () => {
    const document = {
      paths: {
        '/x': {
          post: {
            requestBody: {
              content: { 'application/json': { schema: { type: 'object', properties: { pageSize: { type: 'integer' } } } } },
            },
          },
        },
      },
      components: {
        schemas: {
          View: {
            type: 'object',
            properties: {
              createdAt: { type: 'string' },
              rate_limit: { type: 'object', properties: { refillPerSecond: { type: 'number' } } },
            },
          },
        },
      },
    };
    expect(nonSnakeCaseProperties(document)).toEqual(['View.createdAt', 'View.rate_limit.refillPerSecond', 'paths.pageSize']);
  });
});
