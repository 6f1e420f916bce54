import { expect, Page, test as base } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exampleEntities } from './support/exampleEntities';
import { E2E_SCREENSHOTS_DIR, readE2EState } from './support/state';

// The built app as the backend on PostgreSQL serves it (production layout).
const test = base.extend({
  baseURL: async ({}, provide) => provide(readE2EState().backends.postgres.url),
});

async function snap(page: Page, name: string) {
  mkdirSync(E2E_SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: resolve(E2E_SCREENSHOTS_DIR, `${name}.png`) });
}

async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

/**
 * The channels the page's current signals connection has subscribed to:
 * the frames Backstage's SignalClient sends once its WebSocket is open. A
 * new connection (after a reload) starts empty.
 */
function watchSignalSubscriptions(page: Page): Set<string> {
  const channels = new Set<string>();
  page.on('websocket', ws => {
    channels.clear();
    ws.on('framesent', frame => {
      try {
        const message = JSON.parse(String(frame.payload));
        if (message.action === 'subscribe') channels.add(message.channel);
      } catch {
        // not a signals frame
      }
    });
  });
  return channels;
}

const components = exampleEntities().filter(e => e.kind === 'Component');
const service = components.find(
  e => e.spec?.type === 'service' && e.metadata.name !== 'finops-platform',
)!;

test('a guest signs in and lands on the branded home page', async ({
  page,
}) => {
  await signInAsGuest(page);
  await expect(page).toHaveTitle(/FinOps Platform/);
  await expect(
    page.getByRole('heading', { name: 'Welcome to the FinOps Platform' }),
  ).toBeVisible();
  await snap(page, '01-home');
});

test('the catalog lists the example components', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog?filters[kind]=component&filters[user]=all');
  for (const component of components.slice(0, 8)) {
    await expect(
      page.getByRole('link', {
        name: component.metadata.title ?? component.metadata.name,
        exact: true,
      }),
    ).toBeVisible();
  }
  await snap(page, '02-catalog');
});

test('an entity page shows its tabs', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto(`/catalog/default/component/${service.metadata.name}`);
  await expect(
    page.getByRole('heading', {
      name: service.metadata.title ?? service.metadata.name,
    }),
  ).toBeVisible();
  const tabs = page.getByRole('navigation', { name: 'Content navigation' });
  for (const tab of ['Overview', 'TechDocs', 'APIs', 'Kubernetes', 'Argo CD']) {
    await expect(
      tabs.getByRole('link', { name: tab, exact: true }),
    ).toBeVisible();
  }
  // The overview's cards, with the entity's description, have loaded.
  await expect(page.getByRole('heading', { name: 'About' })).toBeVisible();
  await snap(page, '03-entity-overview');

  await tabs.getByRole('link', { name: 'Kubernetes', exact: true }).click();
  await expect(page).toHaveURL(/\/kubernetes$/);
  // No cluster locally: the plugin's own empty state.
  await expect(page.getByText('No Kubernetes resources')).toBeVisible();
  await snap(page, '04-entity-kubernetes');

  // No Argo CD locally: the tab says so and how to configure it.
  await tabs.getByRole('link', { name: 'Argo CD', exact: true }).click();
  await expect(
    page.getByText('Argo CD is not configured for this portal'),
  ).toBeVisible();
  await snap(page, '05-entity-argocd');
});

test("the portal's own docs are built with mkdocs and shown", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/docs/default/component/finops-platform');
  const heading = page.getByRole('heading', { name: 'What it is for' });
  // The first visit builds the site with the repo's mkdocs; give it time.
  await expect(heading).toBeVisible({ timeout: 120_000 });
  // A second visit is served from what the build published.
  await page.reload();
  // The reader checks for a newer build first, with a progress bar.
  await expect(page.getByRole('progressbar')).toHaveCount(0, {
    timeout: 60_000,
  });
  await expect(heading).toBeVisible();
  await snap(page, '06-techdocs');
});

test('the create page offers the golden-path templates', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/create');
  await expect(
    page.getByText('Documentation site for a system').first(),
  ).toBeVisible();
  await snap(page, '07-create');
});

test('the service form refuses a name that is not DNS-safe and offers only your groups as owner', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/create/templates/default/node-service');
  // The owner picker offers the guest's groups only: customer-team, the
  // one group, is chosen and nothing else can be.
  const owner = page.getByRole('textbox', { name: 'Owner' });
  await expect(owner).toHaveValue('Customer Team');
  await expect(owner).toBeDisabled();
  await page.getByRole('textbox', { name: 'Name' }).fill('Bad_Name');
  const system = page.getByRole('textbox', { name: 'System' });
  await system.click();
  await system.fill('customer-onboarding');
  await system.press('Tab');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText(/must match pattern/).first()).toBeVisible();
  // Still on the first step: nothing was submitted.
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(
    'Bad_Name',
  );
  await snap(page, '08-create-service-form');
});

test('the Compliance tab shows real violations, passes, and takes an exception request', async ({
  page,
}) => {
  await signInAsGuest(page);
  // Evaluated by the catalog module as the catalog processed it.
  await page.goto('/catalog/default/component/fraud-scoring/compliance');
  await expect(
    page.getByText('Compliant', { exact: true }).first(),
  ).toBeVisible({ timeout: 60_000 });

  await page.goto('/catalog/default/component/card-payments/compliance');
  await expect(
    page.getByText('Non-compliant', { exact: true }).first(),
  ).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('CAT-PCI-002').first()).toBeVisible();
  await expect(page.getByText('PCI-DSS 1.3').first()).toBeVisible();
  await snap(page, '08-entity-compliance');

  await page
    .getByRole('button', { name: 'Request exception for CAT-PCI-002' })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByLabel('Justification')
    .fill('The network policy ships with the Q1 platform upgrade.');
  await dialog
    .getByLabel('Compensating control')
    .fill('The cloud firewall only admits the payment gateway.');
  await snap(page, '09-request-exception');
  await dialog.getByRole('button', { name: 'Request exception' }).click();
  await expect(
    dialog.getByText('Waiting for a security approver'),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByText('Pending review').first()).toBeVisible();

  // The requester sees it in the approvals queue but cannot review it.
  await page.goto('/compliance/approvals');
  const request = page.getByRole('region', {
    name: /^CAT-PCI-002 on .*card-payments$/,
  });
  await expect(
    request.getByText(
      'You requested this exception: another approver must review it.',
    ),
  ).toBeVisible();
  await expect(request.getByRole('button', { name: 'Approve' })).toBeDisabled();
  await snap(page, '10-approvals');

  await page.goto('/compliance/posture');
  await expect(page.getByText('PCI-DSS').first()).toBeVisible();
  await snap(page, '11-compliance-posture');
});

test('the CI/CD and Deployments tabs show the example pipeline history', async ({
  page,
}) => {
  await signInAsGuest(page);
  // Replayed from examples/pipelines shortly after start-up, once the
  // catalog knows the entity: reload until the runs are there.
  await page.goto('/catalog/default/component/card-payments/ci-cd');
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(/CI #\d+/).first()).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });
  await snap(page, '12-entity-ci-cd');

  await page.goto('/catalog/default/component/card-payments/deployments');
  for (const environment of ['staging', 'production']) {
    await expect(page.getByRole('region', { name: environment })).toBeVisible();
  }
  await snap(page, '13-entity-deployments');

  // Deploy actions are offered only to who may take them: the local guest
  // owns nothing, so pipelines.deploy refuses it and the roll-back stays
  // visible but disabled, saying why (the backend still refuses it; the
  // policy outcomes are covered by the backend's tests).
  const production = page.getByRole('region', { name: 'production' });
  const rollBack = production.getByRole('button', {
    name: 'Roll back production',
  });
  await expect(
    production.getByText('Only the owners of this entity deploy it.'),
  ).toBeVisible({ timeout: 60_000 });
  await expect(rollBack).toBeVisible();
  await expect(rollBack).toBeDisabled();
  await rollBack.scrollIntoViewIfNeeded();
  await snap(page, '14-deploy-not-allowed');
});

test('a signed GitHub delivery shows up on an open CI/CD tab without a reload', async ({
  page,
  request,
}) => {
  await signInAsGuest(page);
  const signals = watchSignalSubscriptions(page);
  await page.goto('/catalog/default/component/card-payments/ci-cd');
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(/CI #\d+/).first()).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });
  // The tab hears of new runs once its signals connection has subscribed
  // (the pipelines channel); a delivery before that shows on the next reload.
  await expect
    .poll(() => signals.has('pipelines'), {
      message: 'the CI/CD tab never subscribed to the pipelines signal',
    })
    .toBe(true);

  // A new run of the example repository, as GitHub would deliver it.
  const examples = JSON.parse(
    readFileSync(
      resolve(__dirname, '../../../examples/pipelines/card-payments.json'),
      'utf8',
    ),
  ).deliveries;
  const payload = structuredClone(
    examples.find((d: any) => d.topic === 'github.workflow_run').payload,
  );
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  Object.assign(payload.workflow_run, {
    id: 990_000_001,
    run_number: 9001,
    status: 'in_progress',
    conclusion: null,
    created_at: now,
    run_started_at: now,
    updated_at: now,
  });
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', readE2EState().webhookSecret)
    .update(body)
    .digest('hex')}`;
  const delivered = await request.post('/api/events/http/github', {
    data: body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'workflow_run',
      'x-github-delivery': 'e2e-live-0001',
      'x-hub-signature-256': signature,
    },
  });
  expect(delivered.status()).toBe(202);

  // No reload: the backend's signal makes the tab read its runs again.
  await expect(page.getByText('CI #9001')).toBeVisible({ timeout: 15_000 });
  await snap(page, '15-live-run');

  // A forged delivery is refused and shows nothing.
  const forged = await request.post('/api/events/http/github', {
    data: body.replace('9001', '9002'),
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'workflow_run',
      'x-github-delivery': 'e2e-live-0002',
      'x-hub-signature-256': signature,
    },
  });
  expect(forged.status()).toBe(403);
});

test("an owner provisions and rotates a service's Vault secrets from its page; values never show", async ({
  page,
}) => {
  // The guest is a member of customer-team (app-config.yaml), and
  // each backend has a Vault-API test server.
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/onboarding-service/secrets');
  await expect(page.getByText('No secrets yet')).toBeVisible({
    timeout: 60_000,
  });

  await page.getByRole('button', { name: 'Request secrets' }).first().click();
  const form = page.getByRole('dialog', { name: 'Request secrets' });
  await form.getByRole('textbox', { name: 'Environment' }).fill('development');
  await form.getByRole('textbox', { name: 'Secret name' }).fill('database');
  await form.getByRole('textbox', { name: 'Key' }).fill('password');
  await form.getByRole('button', { name: 'Preview (dry run)' }).click();
  const preview = form.getByRole('region', { name: 'Preview' });
  await expect(
    preview.getByText('finops-default-onboarding-service-development-read', {
      exact: true,
    }),
  ).toBeVisible();
  await snap(page, '16-secrets-preview');

  // Backstage UI's checkbox takes the click on its label.
  await form.getByText('Show generated values once').click();
  await expect(
    form.getByRole('checkbox', { name: 'Show generated values once' }),
  ).toBeChecked();
  await form.getByRole('button', { name: 'Provision' }).click();
  const shown = page.getByRole('dialog', {
    name: 'Generated values: shown once',
  });
  await expect(shown.getByText(/vault unwrap/)).toBeVisible();
  await snap(page, '17-secrets-wrapped');
  await shown.getByRole('button', { name: 'Done' }).click();

  // The table shows the secret's metadata and its bindings, never a value.
  await expect(
    page.getByText('development/database', { exact: true }),
  ).toBeVisible();
  const bindings = page.getByRole('region', {
    name: 'Vault policies and roles',
  });
  await expect(
    bindings.getByText(
      'finops-default-onboarding-service-development-pipeline',
      { exact: true },
    ),
  ).toBeVisible();

  await page
    .getByRole('button', { name: 'Rotate development/database' })
    .click();
  const confirm = page.getByRole('dialog', {
    name: 'Rotate database in development',
  });
  await confirm.getByRole('button', { name: 'Rotate' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Secret rotated' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  await snap(page, '18-secrets-tab');

  // Production of restricted data waits for another owner: the guest
  // cannot approve its own request.
  await page.getByRole('button', { name: 'Request secrets' }).first().click();
  await form.getByRole('textbox', { name: 'Environment' }).fill('production');
  await form.getByRole('textbox', { name: 'Secret name' }).fill('database');
  await form.getByRole('textbox', { name: 'Key' }).fill('password');
  await form.getByRole('button', { name: 'Provision' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Waiting for approval' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  const requests = page.getByRole('region', { name: 'Requests' });
  await expect(
    requests.getByRole('button', {
      name: 'Approve: Provision database in production',
    }),
  ).toBeDisabled();
});

test("the Health tab shows a service's SLOs, alerts and dashboards", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/onboarding-service/health');
  await expect(page.getByText('99% of requests succeed').first()).toBeVisible();
  await expect(
    page.getByText('99% of requests faster than 250 ms').first(),
  ).toBeVisible();
  await expect(
    page.getByText('50% of the error budget left').first(),
  ).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('KycQueueBacklog').first()).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Onboarding service' }).first(),
  ).toHaveAttribute(
    'href',
    'https://grafana.example.com/d/onboarding/onboarding-service',
  );
  await snap(page, '20-entity-health');
});
