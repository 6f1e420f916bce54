import { render, screen } from '@testing-library/react';
import { ComplianceStatusNotice } from './ComplianceStatusNotice';

describe('ComplianceStatusNotice', () => {
  it("warns that an unknown status is not a pass, with the engine's reason", () => {
    render(
      <ComplianceStatusNotice
        compliance={{ status: 'unknown', reason: 'OPA server timed out' }}
      />,
    );

    expect(
      screen.getByText('Compliance unknown: the policy could not be evaluated'),
    ).toBeInTheDocument();
    expect(screen.getByText('OPA server timed out')).toBeInTheDocument();
  });

  it('explains an entity the catalog has not processed yet', () => {
    render(
      <ComplianceStatusNotice
        compliance={{ status: 'not-evaluated', reason: null }}
      />,
    );

    expect(screen.getByText('Not evaluated yet')).toBeInTheDocument();
  });

  it('stays silent when the status is known', () => {
    const { container } = render(
      <ComplianceStatusNotice compliance={{ status: 'pass', reason: null }} />,
    );

    expect(container).toBeEmptyDOMElement();
  });
});
