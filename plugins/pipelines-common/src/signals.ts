/**
 * The signals channel on which the pipelines backend says that an entity's
 * runs, deployments or deploy requests changed. The message is
 * `{ entityRef, changes: ('runs' | 'deployments' | 'changes' | 'requests')[] }`.
 */
export function signalChannel(entityRef: string): string {
  return `pipelines:${entityRef.toLocaleLowerCase('en-US')}`;
}
