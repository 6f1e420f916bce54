/**
 * The PromQL of a Grafana dashboard JSON (deploy/grafana), for the test that
 * runs every query against a real Prometheus: panel targets (rows
 * included) and query variables, whose `label_values(selector, label)` is
 * Grafana's, not PromQL, and is asked as `count by (label) (selector)`.
 */
export interface DashboardQuery {
  title: string;
  expr: string;
}

interface Panel {
  title?: string;
  panels?: Panel[];
  targets?: Array<{ expr?: string; refId?: string }>;
}

const LABEL_VALUES = /^label_values\((.+),\s*([a-zA-Z_][a-zA-Z0-9_]*)\)$/s;

export function dashboardQueries(dashboard: {
  panels?: Panel[];
  templating?: { list?: Array<{ type: string; name: string; query?: any }> };
}): DashboardQuery[] {
  const queries: DashboardQuery[] = [];
  const visit = (panels: Panel[] = []) => {
    for (const panel of panels) {
      for (const target of panel.targets ?? []) {
        if (target.expr) {
          queries.push({
            title: `${panel.title} (${target.refId})`,
            expr: target.expr,
          });
        }
      }
      visit(panel.panels);
    }
  };
  visit(dashboard.panels);
  for (const variable of dashboard.templating?.list ?? []) {
    if (variable.type !== 'query') continue;
    const text =
      typeof variable.query === 'string'
        ? variable.query
        : variable.query?.query;
    const labelValues = LABEL_VALUES.exec(String(text).trim());
    if (!labelValues) {
      throw new Error(`variable ${variable.name}: not label_values(): ${text}`);
    }
    queries.push({
      title: `variable ${variable.name}`,
      expr: `count by (${labelValues[2]}) (${labelValues[1]})`,
    });
  }
  return queries;
}

/**
 * What Grafana substitutes before sending a query: the rate interval, and
 * each variable as "All" (the filters are regex matches).
 */
export function substituteVariables(
  expr: string,
  options: { rateInterval: string },
): string {
  return expr
    .replace(/\$\{?__rate_interval\}?/g, options.rateInterval)
    .replace(/\$\{?__interval\}?/g, options.rateInterval)
    .replace(/\$\{[a-zA-Z_][a-zA-Z0-9_]*\}|\$[a-zA-Z_][a-zA-Z0-9_]*/g, '.*');
}
