import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { runDetail } from '../../__testUtils__/fixtures';
import { ArtifactsTable } from './ArtifactsTable';

describe('ArtifactsTable', () => {
  it('shows sizes, digests and which artifacts can still be downloaded', async () => {
    renderInTestApp(<ArtifactsTable artifacts={runDetail().artifacts} />);

    const [sbom, coverage] = screen
      .getAllByRole('row')
      .slice(1)
      .map(row => within(row));
    expect(sbom.getByRole('link', { name: 'sbom.spdx.json' })).toHaveAttribute(
      'href',
      'https://github.com/finops/card-payments/actions/runs/9100/artifacts/7',
    );
    expect(sbom.getByText('1.5 KiB')).toBeInTheDocument();
    expect(sbom.getByText('sha256:4e1243bd22c6…')).toBeInTheDocument();
    expect(sbom.getByText('Available')).toBeInTheDocument();

    expect(coverage.getByText('coverage')).toBeInTheDocument();
    expect(coverage.queryByRole('link')).not.toBeInTheDocument();
    expect(coverage.getByText('3 MiB')).toBeInTheDocument();
    expect(coverage.getByText('Expired')).toBeInTheDocument();
  });

  it('says so when a run produced nothing', async () => {
    renderInTestApp(<ArtifactsTable artifacts={[]} />);

    expect(
      screen.getByText('This run produced no artifacts.'),
    ).toBeInTheDocument();
  });
});
