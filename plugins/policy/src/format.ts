// "user:default/jane.doe" → "jane.doe": refs are long for a table cell.
export { formatDate, formatDateTime, userName as refName } from '@finops/ui';

/**
 * Revisions are content hashes; the first 12 characters tell them apart in
 * practice, like a short git sha.
 */
export function shortRevision(revision: string): string {
  return revision.slice(0, 12);
}
