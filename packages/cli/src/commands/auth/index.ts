import { Command } from 'commander';
import { CommandKit } from '../../program/registry';
import { registerLogin } from './login';
import { registerLogout } from './logout';
import { registerWhoami } from './whoami';

export function registerAuthCommands(program: Command, kit: CommandKit) {
  registerLogin(program, kit);
  registerLogout(program, kit);
  registerWhoami(program, kit);
}
