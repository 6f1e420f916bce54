import { Entity } from '@backstage/catalog-model';
import examples from '@octokit/webhooks-examples';

/**
 * A real GitHub webhook payload from @octokit/webhooks-examples: the
 * `index`th example of `event` (optionally of one action), deep-copied so
 * a test may change it.
 */
export function githubExample(event: string, index = 0, action?: string): any {
  const group = (examples as Array<{ name: string; examples: any[] }>).find(
    e => e.name === event,
  );
  const payloads = (group?.examples ?? []).filter(
    p => action === undefined || p.action === action,
  );
  if (!payloads[index]) {
    throw new Error(`No example ${index} of ${event} ${action ?? ''}`);
  }
  return structuredClone(payloads[index]);
}

/** The repositories the octokit examples come from, as catalog entities. */
export const exampleRepoEntities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'hello-world',
      namespace: 'default',
      annotations: {
        'github.com/project-slug': 'Codertocat/Hello-World',
        'argocd/app-name': 'hello-world-prod',
      },
    },
    spec: { type: 'service', owner: 'octo-team', system: 'greetings' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'octo-repo',
      namespace: 'default',
      annotations: { 'github.com/project-slug': 'octo-org/octo-repo' },
    },
    spec: {
      type: 'service',
      owner: 'group:default/octo-team',
      system: 'system:default/greetings',
    },
  },
];
