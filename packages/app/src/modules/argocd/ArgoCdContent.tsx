import { EmptyState } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import {
  EntityArgoCDHistoryCard,
  EntityArgoCDOverviewCard,
} from '@roadiehq/backstage-plugin-argo-cd';
import Grid from '@material-ui/core/Grid';

/**
 * The entity's Argo CD applications: sync and health, then deployment
 * history. Says so plainly when this portal has no Argo CD configured.
 */
export function ArgoCdContent() {
  const enabled =
    useApi(configApiRef).getOptionalBoolean('finops.argocd.enabled') ?? false;
  if (!enabled) {
    return (
      <EmptyState
        missing="field"
        title="Argo CD is not configured for this portal"
        description="Add your Argo CD instances under argocd.appLocatorMethods and set finops.argocd.enabled: true (app-config.production.yaml does both). This service's applications then show here."
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <EntityArgoCDOverviewCard />
      </Grid>
      <Grid item xs={12}>
        <EntityArgoCDHistoryCard />
      </Grid>
    </Grid>
  );
}
