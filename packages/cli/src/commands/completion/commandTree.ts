import { Command } from 'commander';

export interface CompletionOption {
  names: string[];
  description: string;
  takesValue: boolean;
  choices?: string[];
}

/** One command of the tree, by its path below the program ("" is the root). */
export interface CompletionNode {
  path: string;
  subcommands: Array<{ name: string; description: string }>;
  options: CompletionOption[];
}

const HELP: CompletionOption = {
  names: ['-h', '--help'],
  description: 'show help',
  takesValue: false,
};

/**
 * The program's commands and options as plain data, walked from the same
 * commander tree that parses the command line: the completion scripts can
 * never offer a command or option finops does not have.
 */
export function completionTree(program: Command): CompletionNode[] {
  const nodes: CompletionNode[] = [];
  const walk = (command: Command, path: string) => {
    nodes.push({
      path,
      subcommands: command.commands.map(sub => ({
        name: sub.name(),
        description: firstSentence(sub.description()),
      })),
      options: [
        ...command.options
          .filter(option => !option.hidden)
          .map(option => ({
            names: [option.short, option.long].filter((name): name is string =>
              Boolean(name),
            ),
            description: firstSentence(option.description),
            takesValue: option.required || option.optional,
            ...(option.argChoices && { choices: option.argChoices }),
          })),
        HELP,
      ],
    });
    for (const sub of command.commands) {
      walk(sub, path ? `${path} ${sub.name()}` : sub.name());
    }
  };
  walk(program, '');
  return nodes;
}

function firstSentence(text: string): string {
  return text.split(/[:(]/)[0].trim();
}
