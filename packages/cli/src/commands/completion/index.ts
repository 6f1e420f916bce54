import { Command, Argument } from 'commander';
import { action } from '../../program/action';
import { CommandContext } from '../../program/context';
import { CommandKit } from '../../program/registry';
import { bashScript } from './bashScript';
import { completionTree } from './commandTree';
import { zshScript } from './zshScript';

export function registerCompletion(program: Command, kit: CommandKit) {
  program
    .command('completion')
    .description('Print a shell completion script (bash or zsh)')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh']))
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  # this shell\n  $ source <(finops completion bash)\n' +
        '  # every new bash\n  $ finops completion bash > ~/.local/share/bash-completion/completions/finops\n' +
        '  # zsh, from a directory on $fpath\n  $ finops completion zsh > "${fpath[1]}/_finops"\n',
    )
    .action(
      action(
        kit.deps,
        kit.state,
        async (context: CommandContext, shell: string) => {
          const tree = completionTree(program);
          context.deps.streams.stdout.write(
            shell === 'bash' ? bashScript(tree) : zshScript(tree),
          );
        },
      ),
    );
}
