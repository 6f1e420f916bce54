import { capabilitiesAt, parsePolicy } from './aclPolicy';

/*
 * The test server's policy evaluator decides what the contract suite's
 * workload tokens may do, so it is held to Vault's documented rules here.
 */

function allowed(policies: string[], path: string): string[] {
  return [...capabilitiesAt(policies.map(parsePolicy), path)].sort();
}

describe('ACL policies of the Vault test server', () => {
  it('parses paths, capability lists and comments', () => {
    expect(
      parsePolicy(`
        # the service's own secrets
        path "secret/data/svc/*" {
          capabilities = ["read", "list",] // trailing comma
        }
        /* nothing else */
        path "secret/metadata/svc" { capabilities = [] }
      `),
    ).toEqual([
      { path: 'secret/data/svc/*', capabilities: ['read', 'list'] },
      { path: 'secret/metadata/svc', capabilities: [] },
    ]);
  });

  it.each([
    ['path "x" { capabilities = ["reed"] }', 'invalid capability "reed"'],
    [
      'path "x" { allowed_parameters = { } }',
      'supports only capabilities, not allowed_parameters',
    ],
    ['path "x/*/y" { capabilities = ["read"] }', '* may only end a path'],
    ['path "x" { capabilities = ["read"]', 'expected }, found the end'],
    ['paths "x" {}', 'expected path, found paths'],
  ])('refuses %s', (hcl, message) => {
    expect(() => parsePolicy(hcl)).toThrow(message);
  });

  it('matches exact paths, globs and + segments', () => {
    const policy = `
      path "secret/data/exact" { capabilities = ["read"] }
      path "secret/data/team/*" { capabilities = ["update"] }
      path "secret/data/+/config" { capabilities = ["create"] }
    `;
    expect(allowed([policy], 'secret/data/exact')).toEqual(['read']);
    expect(allowed([policy], 'secret/data/exact/more')).toEqual([]);
    expect(allowed([policy], 'secret/data/team/a/b')).toEqual(['update']);
    expect(allowed([policy], 'secret/data/svc/config')).toEqual(['create']);
    expect(allowed([policy], 'secret/data/a/b/config')).toEqual([]);
  });

  it('lets the most specific pattern decide, by Vault priority rules', () => {
    // Rule 1: the later first wildcard wins.
    const later = `
      path "secret/+/bar/*" { capabilities = ["read"] }
      path "secret/foo/*" { capabilities = ["update"] }
    `;
    expect(allowed([later], 'secret/foo/bar/baz')).toEqual(['update']);
    // Rule 2: not ending in * wins.
    const glob = `
      path "secret/+/x*" { capabilities = ["read"] }
      path "secret/+/x" { capabilities = ["update"] }
    `;
    expect(allowed([glob], 'secret/a/x')).toEqual(['update']);
    // Rule 3: fewer + segments win.
    const plus = `
      path "secret/+/+" { capabilities = ["read"] }
      path "secret/+/b" { capabilities = ["update"] }
    `;
    expect(allowed([plus], 'secret/a/b')).toEqual(['update']);
    // Rule 4: the longer pattern wins.
    const length = `
      path "secret/+/a*" { capabilities = ["read"] }
      path "secret/+/ab*" { capabilities = ["update"] }
    `;
    expect(allowed([length], 'secret/x/abc')).toEqual(['update']);
    // A deny on a more specific pattern takes everything away there.
    const deny = `
      path "secret/*" { capabilities = ["read"] }
      path "secret/data/private*" { capabilities = ["deny"] }
    `;
    expect(allowed([deny], 'secret/data/private/x')).toEqual([]);
    expect(allowed([deny], 'secret/data/public/x')).toEqual(['read']);
    // An exact path beats every glob.
    const exact = `
      path "secret/data/a" { capabilities = ["list"] }
      path "secret/data/*" { capabilities = ["deny"] }
    `;
    expect(allowed([exact], 'secret/data/a')).toEqual(['list']);
  });

  it('merges the same path across policies; deny wins there', () => {
    const read = 'path "secret/data/x" { capabilities = ["read"] }';
    const update = 'path "secret/data/x" { capabilities = ["update"] }';
    const deny = 'path "secret/data/x" { capabilities = ["deny"] }';
    expect(allowed([read, update], 'secret/data/x')).toEqual([
      'read',
      'update',
    ]);
    expect(allowed([read, deny], 'secret/data/x')).toEqual([]);
    expect(allowed([], 'secret/data/x')).toEqual([]);
  });
});
