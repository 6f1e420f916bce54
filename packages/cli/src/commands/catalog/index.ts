import { Command } from 'commander';
import { CommandKit } from '../../program/registry';
import { registerRegister } from './register';
import { registerValidate } from './validate';

export function registerCatalogCommands(program: Command, kit: CommandKit) {
  const catalog = program
    .command('catalog')
    .description('Check and register catalog-info.yaml files');
  registerValidate(catalog, kit);
  registerRegister(catalog, kit);
}
