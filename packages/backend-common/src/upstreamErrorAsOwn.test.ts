import { ResponseError } from '@backstage/errors';
import { upstreamErrorAsOwn } from './upstreamErrorAsOwn';

/** A ResponseError as a plugin's client makes it from another's answer. */
async function refusal(status: number, error: object): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error,
        request: { method: 'GET', url: '/' },
        response: { statusCode: status },
      }),
      {
        status,
        statusText: 'Service Unavailable',
        headers: { 'content-type': 'application/json' },
      },
    ),
  );
}

describe('upstreamErrorAsOwn', () => {
  const handle = (error: unknown) => {
    const next = jest.fn();
    upstreamErrorAsOwn(error, {} as any, {} as any, next);
    return next.mock.calls[0][0];
  };

  it('answers with the status and the reason of the plugin that refused', async () => {
    const passed = handle(
      await refusal(503, {
        name: 'ServiceUnavailableError',
        message: 'Permission x.read could not be decided: OPA did not answer',
      }),
    );
    expect(passed.name).toBe('ServiceUnavailableError');
    expect(passed.message).toBe(
      'Permission x.read could not be decided: OPA did not answer',
    );
  });

  it('finds the reason through a chain of refusals (catalog, then permission)', async () => {
    const catalog = await refusal(503, {
      name: 'ResponseError',
      message: 'Request failed with 503 Service Unavailable',
      cause: {
        name: 'ServiceUnavailableError',
        message: 'Permission catalog.entity.read could not be decided',
      },
    });
    const passed = handle(catalog);
    expect(passed.name).toBe('ServiceUnavailableError');
    expect(passed.message).toBe(
      'Permission catalog.entity.read could not be decided',
    );
  });

  it('keeps a 403 a refusal and a 404 not found', async () => {
    expect(
      handle(await refusal(403, { name: 'NotAllowedError', message: 'no' })),
    ).toMatchObject({ name: 'NotAllowedError', message: 'no' });
    expect(
      handle(await refusal(404, { name: 'NotFoundError', message: 'gone' })),
    ).toMatchObject({ name: 'NotFoundError', message: 'gone' });
  });

  it('leaves other statuses and every other error as they are', async () => {
    const failed = await refusal(500, { name: 'Error', message: 'boom' });
    expect(handle(failed)).toBe(failed);
    const other = new Error('duplicate key');
    expect(handle(other)).toBe(other);
    expect(handle('not an error')).toBe('not an error');
  });
});
