/**
 * Vault ACL policies as the test server enforces them: the HCL subset
 * `path "<pattern>" { capabilities = [...] }` (with #, // and /* *\/
 * comments), patterns with `+` for one segment and a trailing `*` glob, and
 * Vault's documented rule for which pattern wins when several match
 * (https://developer.hashicorp.com/vault/docs/concepts/policies#priority-matching).
 * Parameter constraints (allowed_parameters, ...) are refused rather than
 * ignored, so a test cannot believe they are enforced.
 */

export const CAPABILITIES = [
  'create',
  'read',
  'update',
  'patch',
  'delete',
  'list',
  'sudo',
  'deny',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface PolicyRule {
  path: string;
  capabilities: Capability[];
}

export class PolicyParseError extends Error {}

type Token =
  | { kind: 'string'; value: string }
  | { kind: 'word'; value: string }
  | { kind: 'punct'; value: string };

/** The rules of a policy; PolicyParseError says what Vault would refuse. */
export function parsePolicy(hcl: string): PolicyRule[] {
  const tokens = tokenize(hcl);
  const rules: PolicyRule[] = [];
  let i = 0;
  const next = () => tokens[i++];
  const expect = (kind: Token['kind'], value?: string): Token => {
    const token = next();
    if (!token || token.kind !== kind || (value && token.value !== value)) {
      throw new PolicyParseError(
        `expected ${value ?? kind}, found ${token ? token.value : 'the end'}`,
      );
    }
    return token;
  };
  while (i < tokens.length) {
    expect('word', 'path');
    const path = expect('string').value;
    if (/\*./.test(path)) {
      throw new PolicyParseError(`path "${path}": * may only end a path`);
    }
    expect('punct', '{');
    let capabilities: Capability[] | undefined;
    while (tokens[i] && tokens[i].value !== '}') {
      const key = expect('word').value;
      if (key !== 'capabilities') {
        throw new PolicyParseError(
          `path "${path}": the test server supports only capabilities, not ${key}`,
        );
      }
      expect('punct', '=');
      expect('punct', '[');
      capabilities = [];
      while (tokens[i] && tokens[i].value !== ']') {
        const capability = expect('string').value as Capability;
        if (!CAPABILITIES.includes(capability)) {
          throw new PolicyParseError(
            `path "${path}": invalid capability "${capability}"`,
          );
        }
        capabilities.push(capability);
        if (tokens[i]?.value === ',') i++;
      }
      expect('punct', ']');
    }
    expect('punct', '}');
    rules.push({ path, capabilities: capabilities ?? [] });
  }
  return rules;
}

/**
 * What a token with these policies may do at `path`: the rules of all its
 * policies for the same pattern are merged, the highest-priority matching
 * pattern decides, and deny there means nothing.
 */
export function capabilitiesAt(
  policies: PolicyRule[][],
  path: string,
): Set<Capability> {
  const merged = new Map<string, Set<Capability>>();
  for (const rule of policies.flat()) {
    const set = merged.get(rule.path) ?? new Set<Capability>();
    rule.capabilities.forEach(c => set.add(c));
    merged.set(rule.path, set);
  }
  const matching = [...merged.keys()].filter(pattern => matches(pattern, path));
  if (matching.length === 0) {
    return new Set();
  }
  const winner = matching.reduce((a, b) => (outranks(a, b) ? a : b));
  const capabilities = merged.get(winner)!;
  return capabilities.has('deny') ? new Set() : capabilities;
}

function matches(pattern: string, path: string): boolean {
  const glob = pattern.endsWith('*');
  const fixed = glob ? pattern.slice(0, -1) : pattern;
  const source = fixed
    .split('/')
    .map(part =>
      part === '+' ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}${glob ? '.*' : ''}$`).test(path);
}

/** Vault's priority rules, in order; true when `a` wins over `b`. */
function outranks(a: string, b: string): boolean {
  const firstWildcard = (p: string) => {
    const parts = p.split('/');
    const plus = parts.findIndex(part => part === '+');
    const plusAt =
      plus < 0
        ? Infinity
        : parts.slice(0, plus).join('/').length + (plus > 0 ? 1 : 0);
    const star = p.endsWith('*') ? p.length - 1 : Infinity;
    return Math.min(plusAt, star);
  };
  const plusCount = (p: string) =>
    p.split('/').filter(part => part === '+').length;
  const checks = [
    firstWildcard(a) - firstWildcard(b),
    Number(b.endsWith('*')) - Number(a.endsWith('*')),
    plusCount(b) - plusCount(a),
    a.length - b.length,
  ];
  for (const difference of checks) {
    if (difference !== 0 && !Number.isNaN(difference)) {
      return difference > 0;
    }
  }
  return a > b;
}

function tokenize(hcl: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < hcl.length) {
    const c = hcl[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '#' || hcl.startsWith('//', i)) {
      while (i < hcl.length && hcl[i] !== '\n') i++;
    } else if (hcl.startsWith('/*', i)) {
      const end = hcl.indexOf('*/', i + 2);
      if (end < 0) throw new PolicyParseError('unterminated comment');
      i = end + 2;
    } else if (c === '"') {
      const end = hcl.indexOf('"', i + 1);
      if (end < 0) throw new PolicyParseError('unterminated string');
      tokens.push({ kind: 'string', value: hcl.slice(i + 1, end) });
      i = end + 1;
    } else if ('{}[]=,'.includes(c)) {
      tokens.push({ kind: 'punct', value: c });
      i++;
    } else {
      const word = /^[A-Za-z_][\w-]*/.exec(hcl.slice(i));
      if (!word) throw new PolicyParseError(`unexpected "${c}"`);
      tokens.push({ kind: 'word', value: word[0] });
      i += word[0].length;
    }
  }
  return tokens;
}
