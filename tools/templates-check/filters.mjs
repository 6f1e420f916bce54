// The scaffolder's default template filters (createDefaultFilters in
// @backstage/plugin-scaffolder-backend), for the integrations the golden
// paths publish to. parseEntityRef is the catalog model's own; parseRepoUrl
// follows parseRepoUrl of @backstage/plugin-scaffolder-node for GitHub.

import { parseEntityRef } from '@backstage/catalog-model';

/** Hosts of the portal's `integrations` config and their integration type. */
const INTEGRATIONS = new Map([['github.com', 'github']]);

function parseRepoUrl(repoUrl) {
  let parsed;
  try {
    parsed = new URL(`https://${repoUrl}`);
  } catch (error) {
    throw new Error(
      `Invalid repo URL passed to publisher, got ${repoUrl}, ${error}`,
    );
  }
  const host = parsed.host;
  if (!INTEGRATIONS.has(host)) {
    throw new Error(
      `No matching integration configuration for host ${host}, please check your integrations config`,
    );
  }
  const param = name =>
    parsed.searchParams.get(name)?.replace(/^\/+|\/+$/g, '') || undefined;
  const repoSpec = { host, owner: param('owner'), repo: param('repo') };
  for (const required of ['repo', 'owner']) {
    if (!repoSpec[required]) {
      throw new Error(
        `Invalid repo URL passed to publisher: ${repoUrl}, missing ${required}`,
      );
    }
  }
  return repoSpec;
}

export const templateFilters = {
  parseRepoUrl: url => parseRepoUrl(url),
  parseEntityRef: (ref, context) => parseEntityRef(ref, context ?? undefined),
  pick: (object, key) => object?.[key],
  projectSlug: url => {
    const { owner, repo } = parseRepoUrl(url);
    return `${owner}/${repo}`;
  },
};
