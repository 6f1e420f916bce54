import {
  Dashboard,
  GrafanaAlertRule,
  Panel,
} from '@finops/plugin-health-common';
import { SourceClient } from './SourceClient';

/**
 * The tags of the community Grafana plugin's dashboard selector: a plain
 * tag, or `tags @> 'a'` clauses joined by `&&` or `AND`.
 */
export function dashboardTags(selector: string): string[] {
  const clauses = [...selector.matchAll(/tags\s*@>\s*'([^']*)'/g)].map(
    m => m[1],
  );
  if (clauses.length > 0) return clauses;
  const plain = selector.trim();
  if (/^[^\s'"]+$/.test(plain)) return [plain];
  throw new TypeError(
    `grafana/dashboard-selector "${selector}" is neither a tag nor tags @> 'tag' clauses`,
  );
}

/** `k=v,k2=v2` of `grafana/alert-label-selector`. */
export function alertLabels(selector: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const part of selector.split(',')) {
    const match = /^\s*([^=\s]+)\s*=\s*(.+?)\s*$/.exec(part);
    if (!match) {
      throw new TypeError(
        `grafana/alert-label-selector "${selector}" is not label=value pairs`,
      );
    }
    labels[match[1]] = match[2].replace(/^["']|["']$/g, '');
  }
  return labels;
}

/** `uid/panelId` pairs of `finops.io/grafana-panels`. */
export function panelRefs(
  annotation: string,
): Array<{ uid: string; panelId: number }> {
  return annotation
    .split(',')
    .map(p => p.trim())
    .filter(p => p !== '')
    .map(p => {
      const match = /^([A-Za-z0-9_-]{1,40})\/(\d{1,9})$/.exec(p);
      if (!match) {
        throw new TypeError(
          `finops.io/grafana-panels "${p}" is not <dashboard uid>/<panel id>`,
        );
      }
      return { uid: match[1], panelId: Number(match[2]) };
    });
}

interface SearchHit {
  uid: string;
  title: string;
  url: string;
  tags?: string[];
  folderTitle?: string;
}

interface DashboardByUid {
  dashboard: {
    uid: string;
    title: string;
    panels?: Array<{ id: number; title?: string; panels?: unknown[] }>;
  };
  meta: { url: string; slug?: string };
}

interface ProvisionedRule {
  uid: string;
  title: string;
  folderUID?: string;
  labels?: Record<string, string>;
}

export async function readDashboards(
  client: SourceClient,
  tags: string[],
): Promise<Dashboard[]> {
  if (tags.length === 0) return [];
  const params = new URLSearchParams({ type: 'dash-db' });
  for (const tag of tags) params.append('tag', tag);
  const hits = await client.get<SearchHit[]>(`/api/search?${params}`);
  const ui = client.instance.publicUrl;
  return hits
    .map(hit => ({
      uid: hit.uid,
      title: hit.title,
      url: `${ui}${hit.url}`,
      folder: hit.folderTitle ?? null,
      tags: hit.tags ?? [],
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

export async function readPanels(
  client: SourceClient,
  refs: Array<{ uid: string; panelId: number }>,
): Promise<Panel[]> {
  const ui = client.instance.publicUrl;
  const uids = [...new Set(refs.map(r => r.uid))];
  const dashboards = new Map(
    await Promise.all(
      uids.map(
        async uid =>
          [
            uid,
            await client.get<DashboardByUid>(
              `/api/dashboards/uid/${encodeURIComponent(uid)}`,
            ),
          ] as const,
      ),
    ),
  );
  return refs.map(({ uid, panelId }) => {
    const found = dashboards.get(uid)!;
    const panels = (found.dashboard.panels ?? []).flatMap(p => [
      p,
      ...((p.panels as typeof found.dashboard.panels) ?? []),
    ]);
    const slug = found.meta.slug ?? found.meta.url.split('/').pop() ?? '_';
    return {
      dashboardUid: uid,
      panelId,
      title: panels.find(p => p.id === panelId)?.title ?? null,
      url: `${ui}${found.meta.url}?viewPanel=${panelId}`,
      embedUrl: `${ui}/d-solo/${uid}/${slug}?panelId=${panelId}&orgId=1`,
    };
  });
}

export async function readAlertRules(
  client: SourceClient,
  labels: Record<string, string>,
): Promise<GrafanaAlertRule[]> {
  const rules = await client.get<ProvisionedRule[]>(
    '/api/v1/provisioning/alert-rules',
  );
  const ui = client.instance.publicUrl;
  return rules
    .filter(rule =>
      Object.entries(labels).every(([k, v]) => rule.labels?.[k] === v),
    )
    .map(rule => ({
      uid: rule.uid,
      title: rule.title,
      folderUid: rule.folderUID ?? null,
      labels: rule.labels ?? {},
      url: `${ui}/alerting/grafana/${rule.uid}/view`,
    }));
}
