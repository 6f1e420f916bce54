import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { pipelinesApiRef, type PipelinesApi } from '../../api';
import type { DeployPlan } from '../../deployActions';
import {
  fakePipelinesApi,
  responseError,
} from '../../__testUtils__/fakePipelinesApi';
import {
  cardPaymentsRef,
  deployCheck,
  deployRequest,
} from '../../__testUtils__/fixtures';
import { DeployDialog } from './DeployDialog';

const promotion: DeployPlan = {
  action: 'promote',
  environment: 'production',
  from: 'staging',
  version: 'v1.5.0',
};

const rollback: DeployPlan = {
  action: 'rollback',
  environment: 'production',
  current: 'v1.5.0',
  versions: ['v1.4.0', 'v1.3.0'],
};

function renderDialog(api: PipelinesApi, plan: DeployPlan = promotion) {
  const onRequested = jest.fn();
  renderInTestApp(
    <DeployDialog
      entityRef={cardPaymentsRef}
      plan={plan}
      onClose={jest.fn()}
      onRequested={onRequested}
    />,
    { apis: [[pipelinesApiRef, api]] },
  );
  return { onRequested };
}

const policyCheck = () => screen.findByRole('region', { name: 'Policy check' });

describe('DeployDialog', () => {
  it('shows that an allowed promotion runs now, then dispatches it', async () => {
    const api = fakePipelinesApi();
    const { onRequested } = renderDialog(api);

    expect(
      await screen.findByRole('dialog', {
        name: 'Promote v1.5.0 to production',
      }),
    ).toBeInTheDocument();
    const check = await policyCheck();
    expect(await within(check).findByText('Runs now')).toBeInTheDocument();
    expect(
      within(check).getByText(
        'GitHub workflow deploy.yml in finops/card-payments',
      ),
    ).toBeInTheDocument();
    expect(within(check).getByText('alice')).toBeInTheDocument();
    const input = {
      entityRef: cardPaymentsRef,
      action: 'promote',
      environment: 'production',
      version: 'v1.5.0',
    };
    expect(api.checkDeploy).toHaveBeenCalledWith(input);
    expect(api.requestDeploy).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Promote' }));

    expect(api.requestDeploy).toHaveBeenCalledWith(input);
    expect(
      await screen.findByText('Dispatched: Promote v1.5.0 to production'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Workflow dispatched/)).toBeInTheDocument();
    expect(onRequested).toHaveBeenCalledWith(
      expect.objectContaining({ status: 'dispatched' }),
    );
  });

  it('says an approval by someone else is needed, and that the request waits', async () => {
    const api = fakePipelinesApi({
      checkDeploy: jest.fn(async () =>
        deployCheck({
          outcome: 'approval-required',
          violations: [
            {
              rule: 'DEP-APPROVAL-001',
              severity: 'critical',
              message: 'a production deploy needs an approver',
              remediation:
                'Ask a colleague who did not write the change to approve the deploy.',
              frameworks: ['SOX ITGC change management'],
            },
          ],
          commitAuthors: ['user:default/bob', 'user:default/dana'],
          excepted: ['DEP-FREEZE-001'],
        }),
      ),
      requestDeploy: jest.fn(async () => deployRequest({ status: 'pending' })),
    });
    renderDialog(api);

    const check = await policyCheck();
    expect(
      await within(check).findByText(
        "Needs approval by someone other than you and the change's authors",
      ),
    ).toBeInTheDocument();
    expect(within(check).getByText('bob, dana')).toBeInTheDocument();
    expect(within(check).getByText('DEP-FREEZE-001')).toBeInTheDocument();
    expect(
      within(check).queryByRole('list', { name: 'Violations' }),
    ).not.toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Request approval' }),
    );

    expect(
      await screen.findByText('Pending approval: Promote v1.5.0 to production'),
    ).toBeInTheDocument();
  });

  it('lists why the policy refuses and does not let it be confirmed', async () => {
    const api = fakePipelinesApi({
      checkDeploy: jest.fn(async () =>
        deployCheck({
          outcome: 'refused',
          violations: [
            {
              rule: 'DEP-BUDGET-001',
              severity: 'high',
              message: 'the error budget is exhausted',
              remediation:
                'Spend the next changes on reliability until the error budget recovers.',
              frameworks: ['SOC 2 A1.1'],
            },
          ],
        }),
      ),
    });
    renderDialog(api);

    const check = await policyCheck();
    expect(
      await within(check).findByText('Refused by the deploy policy'),
    ).toBeInTheDocument();
    const violation = within(
      within(check).getByRole('list', { name: 'Violations' }),
    ).getByRole('listitem');
    expect(violation).toHaveTextContent('high');
    expect(violation).toHaveTextContent('DEP-BUDGET-001');
    expect(violation).toHaveTextContent('the error budget is exhausted');
    expect(violation).toHaveTextContent(
      'To resolve: Spend the next changes on reliability',
    );
    expect(screen.getByRole('button', { name: 'Promote' })).toBeDisabled();
  });

  it('does not let a deploy be confirmed when nothing could run it', async () => {
    renderDialog(
      fakePipelinesApi({
        checkDeploy: jest.fn(async () =>
          deployCheck({
            target: null,
            targetProblem:
              'card-payments has no finops.io/deploy-workflow annotation',
          }),
        ),
      }),
    );

    expect(
      await screen.findByText(
        'card-payments has no finops.io/deploy-workflow annotation',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Promote' })).toBeDisabled();
  });

  it('rolls back to the previous successful version unless another is picked', async () => {
    const api = fakePipelinesApi();
    renderDialog(api, rollback);

    expect(await screen.findByText('Runs now')).toBeInTheDocument();
    expect(api.checkDeploy).toHaveBeenLastCalledWith(
      expect.objectContaining({ action: 'rollback', version: 'v1.4.0' }),
    );

    await userEvent.click(
      screen.getByRole('button', { name: /Version to roll back to/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'v1.3.0' }),
    );

    expect(api.checkDeploy).toHaveBeenLastCalledWith(
      expect.objectContaining({ action: 'rollback', version: 'v1.3.0' }),
    );
    await screen.findByText('Runs now');
    await userEvent.click(screen.getByRole('button', { name: 'Roll back' }));
    expect(api.requestDeploy).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'rollback', version: 'v1.3.0' }),
    );
  });

  it("shows the policy's refusal when the request is refused", async () => {
    const error = await responseError(
      403,
      'NotAllowedError',
      'Refused by finops.deploy: DEP-FREEZE-001 production is in a change freeze',
    );
    renderDialog(
      fakePipelinesApi({
        requestDeploy: jest.fn(async () => {
          throw error;
        }),
      }),
    );

    await screen.findByText('Runs now');
    await userEvent.click(screen.getByRole('button', { name: 'Promote' }));

    expect(
      await screen.findByText('Not allowed to promote'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Refused by finops.deploy: DEP-FREEZE-001 production is in a change freeze',
      ),
    ).toBeInTheDocument();
  });

  it('says the policy could not answer when it is unavailable, and offers a retry', async () => {
    const error = await responseError(
      503,
      'ServiceUnavailableError',
      'OPA did not answer',
    );
    const api = fakePipelinesApi({
      checkDeploy: jest
        .fn()
        .mockRejectedValueOnce(error)
        .mockResolvedValueOnce(deployCheck()),
    });
    renderDialog(api);

    expect(
      await screen.findByText('Could not check this deploy right now'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'OPA did not answer. Nothing was done: try again in a moment.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Promote' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText('Runs now')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Promote' })).toBeEnabled();
  });
});
