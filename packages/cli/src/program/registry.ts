import { Command } from 'commander';
import { RunState } from './action';
import { CliDependencies } from './context';

/** What a command group needs to add its commands to the program. */
export interface CommandKit {
  deps: CliDependencies;
  state: RunState;
}

/** Adds one command group (login, catalog, secrets, ...) to a parent. */
export type RegisterCommands = (parent: Command, kit: CommandKit) => void;
