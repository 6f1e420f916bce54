import { CliError } from '../../lib/CliError';
import { PortalSession } from '../../portal/PortalSession';
import {
  errorForStatus,
  messageOfErrorBody,
} from '../../portal/responseErrors';

/**
 * The scaffolder client reports a refused task as a plain Error carrying
 * the status and the body ("Backend request failed, 400 Bad Request
 * {...}"). The body is either Backstage's error or, for parameters that
 * break the template's schema, `{ "errors": [{ "stack": ... }] }`.
 */
export async function explainScaffoldError(
  error: unknown,
  session: PortalSession,
): Promise<unknown> {
  const match = /^Backend request failed, (\d{3})[^{[]*(.*)$/s.exec(
    (error as Error)?.message ?? '',
  );
  if (!match) return session.explain(error);
  const status = Number(match[1]);
  let body: unknown;
  try {
    body = JSON.parse(match[2]);
  } catch {
    body = undefined;
  }
  const validation = (
    body as { errors?: Array<{ stack?: string; message?: string }> }
  )?.errors;
  if (status === 400 && Array.isArray(validation) && validation.length > 0) {
    return CliError.usage(
      `The template refused the values: ${validation
        .map(e => (e.stack ?? e.message ?? '').replace(/^instance\./, ''))
        .join('; ')}`,
    );
  }
  return errorForStatus(
    status,
    messageOfErrorBody(body) ?? match[2].trim().slice(0, 200),
    await session.failureContext(),
  );
}
