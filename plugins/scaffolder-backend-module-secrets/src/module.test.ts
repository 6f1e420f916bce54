import { startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import scaffolderModuleSecrets from '.';

describe('scaffolderModuleSecrets', () => {
  it('adds finops:secrets:provision to the scaffolder', async () => {
    const addActions = jest.fn();

    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [scaffolderModuleSecrets],
    });

    expect(addActions).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'finops:secrets:provision',
        supportsDryRun: true,
      }),
    );
  });
});
