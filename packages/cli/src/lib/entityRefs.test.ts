import { parseEntityArgument } from './entityRefs';

describe('parseEntityArgument', () => {
  it.each([
    ['card-payments', 'component:default/card-payments'],
    ['api:payments-api', 'api:default/payments-api'],
    ['Component:payments/card-payments', 'component:payments/card-payments'],
    ['resource:default/card-vault-db', 'resource:default/card-vault-db'],
    ['  card-payments ', 'component:default/card-payments'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseEntityArgument(input).ref).toBe(expected);
  });

  it('defaults templates to the template kind', () => {
    expect(parseEntityArgument('techdocs-site', 'template')).toEqual({
      kind: 'template',
      namespace: 'default',
      name: 'techdocs-site',
      ref: 'template:default/techdocs-site',
    });
  });

  it.each(['', 'component:', 'a/b/c', 'component:default/a b', '-x'])(
    'refuses %j as a usage error',
    input => {
      expect(() => parseEntityArgument(input)).toThrow(
        expect.objectContaining({
          exitCode: 2,
          message: `"${input}" is not an entity: use name, kind:name or kind:namespace/name`,
        }),
      );
    },
  );
});
