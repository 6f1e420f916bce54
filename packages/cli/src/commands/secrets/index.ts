import { Command } from 'commander';
import { CommandKit } from '../../program/registry';
import { registerSecretsList } from './list';
import { registerSecretsProvision } from './provision';

export function registerSecretsCommands(program: Command, kit: CommandKit) {
  const secrets = program
    .command('secrets')
    .description(
      "A service's Vault secrets: metadata and provisioning, never values",
    );
  registerSecretsList(secrets, kit);
  registerSecretsProvision(secrets, kit);
}
