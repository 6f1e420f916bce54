import { PolicyModule } from './evaluators/types';

/** A rule id as the policies write them, e.g. `CAT-PCI-001`. */
const RULE_ID = /\b[A-Z]+(?:-[A-Z]+)*-\d{3}\b/g;

/**
 * The Rego that declares and checks each rule, for the policy browser:
 * the rule's entry in the package's `rules` object and every top-level
 * statement (with its comments) that names the rule. Policies are kept
 * `opa fmt`-formatted, so top-level statements are separated by blank
 * lines and a `rules` entry spans from `\t"ID": {` to `\t},`.
 */
export function ruleSources(modules: PolicyModule[]): Record<string, string> {
  const parts = new Map<string, string[]>();
  const add = (id: string, text: string) => {
    const list = parts.get(id) ?? [];
    if (!list.includes(text)) list.push(text);
    parts.set(id, list);
  };

  for (const { path, raw } of modules) {
    const header = `# ${path}`;
    for (const statement of raw.split(/\n\s*\n/)) {
      if (/^rules :=/m.test(statement)) {
        for (const entry of statement.matchAll(
          /^\t"([^"]+)": \{\n[\s\S]*?^\t\},?$/gm,
        )) {
          add(entry[1], `${header}\n${entry[0].replace(/^\t/gm, '')}`);
        }
        continue;
      }
      for (const id of new Set(statement.match(RULE_ID) ?? [])) {
        add(id, `${header}\n${statement.trim()}`);
      }
    }
  }
  return Object.fromEntries(
    [...parts].map(([id, texts]) => [id, texts.join('\n\n')]),
  );
}
