import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { auditedUserAction } from './auditedUserAction';

describe('auditedUserAction', () => {
  function setup(credentials: any) {
    const success = jest.fn();
    const fail = jest.fn();
    const auditor = mockServices.auditor.mock({
      createEvent: jest.fn(async () => ({ success, fail })) as any,
    });
    const httpAuth = mockServices.httpAuth({
      defaultCredentials: credentials,
    });
    const audited = auditedUserAction({ auditor, httpAuth });
    return { audited, auditor, success, fail };
  }
  const req = { headers: {} } as any;

  it('succeeds with the meta of the result', async () => {
    const { audited, auditor, success, fail } = setup(
      mockCredentials.user('user:default/ana'),
    );
    const result = await audited(
      req,
      { eventId: 'thing-change', meta: { thing: 'a' } },
      async credentials => ({ by: credentials.principal.userEntityRef }),
      r => ({ by: r.by }),
    );
    expect(result).toEqual({ by: 'user:default/ana' });
    expect(auditor.createEvent).toHaveBeenCalledWith({
      eventId: 'thing-change',
      severityLevel: 'high',
      meta: { thing: 'a' },
      request: req,
    });
    expect(success).toHaveBeenCalledWith({ meta: { by: 'user:default/ana' } });
    expect(fail).not.toHaveBeenCalled();
  });

  it('fails the event with the error and throws it on', async () => {
    const { audited, success, fail } = setup(
      mockCredentials.user('user:default/ana'),
    );
    const error = new NotAllowedError('no');
    await expect(
      audited(
        req,
        { eventId: 'thing-change', meta: {} },
        async () => {
          throw error;
        },
        () => ({}),
      ),
    ).rejects.toBe(error);
    expect(fail).toHaveBeenCalledWith({ error });
    expect(success).not.toHaveBeenCalled();
  });

  it('lets no service act, and records the refusal', async () => {
    const { audited, fail } = setup(mockCredentials.service('plugin:other'));
    const act = jest.fn();
    await expect(
      audited(req, { eventId: 'thing-change', meta: {} }, act, () => ({})),
    ).rejects.toThrow();
    expect(act).not.toHaveBeenCalled();
    expect(fail).toHaveBeenCalled();
  });
});
