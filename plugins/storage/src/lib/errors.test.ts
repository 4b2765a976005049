import { ResponseError } from '@backstage/errors';
import { describeError } from './errors';

describe('describeError', () => {
  it('prefers the backend message of a ResponseError', async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'Error', message: 'database is locked' },
        request: { method: 'GET', url: '/coverage' },
        response: { statusCode: 500 },
      }),
      { status: 500, headers: { 'content-type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    expect(describeError(error)).toBe('database is locked');
  });

  it('falls back to the message of any other error', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toBe(
      'Failed to fetch',
    );
  });
});
