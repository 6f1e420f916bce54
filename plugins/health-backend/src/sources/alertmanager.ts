import { Alert, Silence } from '@finops/plugin-health-common';
import { SourceClient } from './SourceClient';

interface AmAlert {
  fingerprint: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt: string;
  generatorURL?: string;
  status: {
    state: Alert['state'];
    silencedBy: string[];
    inhibitedBy: string[];
  };
}

interface AmSilence {
  id: string;
  status: { state: Silence['state'] };
  createdBy: string;
  comment: string;
  startsAt: string;
  endsAt: string;
  matchers: Array<{
    name: string;
    value: string;
    isRegex: boolean;
    isEqual?: boolean;
  }>;
}

/** Splits label matchers at the commas outside their quoted values. */
export function splitMatchers(selector: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '\\' && quoted) {
      current += c + (selector[++i] ?? '');
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

const SEVERITY_ORDER = ['critical', 'high', 'error', 'warning', 'info'];
const severityRank = (s: string | null) => {
  const i = SEVERITY_ORDER.indexOf((s ?? '').toLowerCase());
  return i < 0 ? SEVERITY_ORDER.length : i;
};

function matcherText(m: AmSilence['matchers'][number]): string {
  const equal = m.isEqual ?? true;
  const ops = m.isRegex ? ['=~', '!~'] : ['=', '!='];
  const op = equal ? ops[0] : ops[1];
  return `${m.name}${op}"${m.value}"`;
}

/**
 * The entity's alerts (active, silenced, inhibited) and the active or
 * pending silences that silence them or match its equality labels.
 */
export async function readAlerts(
  client: SourceClient,
  selector: string,
): Promise<{ alerts: Alert[]; silences: Silence[] }> {
  const matchers = splitMatchers(selector);
  const params = new URLSearchParams();
  for (const m of matchers) params.append('filter', m);
  for (const flag of ['active', 'silenced', 'inhibited', 'unprocessed']) {
    params.set(flag, 'true');
  }
  const [amAlerts, amSilences] = await Promise.all([
    client.get<AmAlert[]>(`/api/v2/alerts?${params}`),
    client.get<AmSilence[]>('/api/v2/silences'),
  ]);
  const ui = client.instance.publicUrl;
  const alerts: Alert[] = amAlerts.map(a => {
    const filter = encodeURIComponent(
      `{${Object.entries(a.labels)
        .map(([k, v]) => `${k}="${v}"`)
        .join(',')}}`,
    );
    return {
      fingerprint: a.fingerprint,
      name: a.labels.alertname ?? '(no alertname)',
      severity: a.labels.severity ?? null,
      state: a.status.state,
      silencedBy: a.status.silencedBy ?? [],
      inhibitedBy: a.status.inhibitedBy ?? [],
      startsAt: a.startsAt,
      summary: a.annotations?.summary ?? null,
      description: a.annotations?.description ?? null,
      runbookUrl: a.annotations?.runbook_url ?? null,
      generatorUrl: a.generatorURL || null,
      url: `${ui}/#/alerts?filter=${filter}`,
      labels: a.labels,
    };
  });
  alerts.sort(
    (a, b) =>
      Number(a.state !== 'active') - Number(b.state !== 'active') ||
      severityRank(a.severity) - severityRank(b.severity) ||
      a.startsAt.localeCompare(b.startsAt),
  );
  const silencing = new Set(alerts.flatMap(a => a.silencedBy));
  const labels = new Set(
    matchers.flatMap(m => {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"(.*)"$/.exec(m);
      return match ? [`${match[1]}=${match[2]}`] : [];
    }),
  );
  const silences: Silence[] = amSilences
    .filter(s => s.status.state !== 'expired')
    .filter(
      s =>
        silencing.has(s.id) ||
        s.matchers.some(
          m =>
            !m.isRegex &&
            (m.isEqual ?? true) &&
            labels.has(`${m.name}=${m.value}`),
        ),
    )
    .map(s => ({
      id: s.id,
      state: s.status.state,
      createdBy: s.createdBy,
      comment: s.comment,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      matchers: s.matchers.map(matcherText),
      url: `${ui}/#/silences/${s.id}`,
    }))
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { alerts, silences };
}
