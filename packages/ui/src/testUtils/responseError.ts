import { ResponseError } from '@backstage/errors';

/**
 * The error a Backstage API client throws for a refused or failed request,
 * as the backend's error handler would have answered it.
 */
export async function responseError(
  status: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      {
        status,
        statusText: name,
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );
}
