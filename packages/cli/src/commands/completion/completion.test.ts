import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runFinops, temporaryConfigHome } from '../../__testUtils__/runFinops';

const exec = promisify(execFile);

function hasZsh(): boolean {
  return ['/bin/zsh', '/usr/bin/zsh', '/usr/local/bin/zsh'].some(existsSync);
}

/**
 * Loads the printed script into a real bash and asks it to complete, the
 * way bash does on Tab: COMP_WORDS and COMP_CWORD in, COMPREPLY out.
 */
async function completeInBash(script: string, words: string[], cwd?: string) {
  const dir = await temporaryConfigHome();
  const file = join(dir, 'finops.bash');
  await writeFile(file, script);
  const array = words.map(w => `'${w}'`).join(' ');
  const { stdout } = await exec(
    'bash',
    [
      '-c',
      `source '${file}'; COMP_WORDS=(${array}); COMP_CWORD=${
        words.length - 1
      }; _finops; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { cwd: cwd ?? dir },
  );
  return stdout.split('\n').filter(Boolean).sort();
}

describe('finops completion', () => {
  let bash: string;
  beforeAll(async () => {
    bash = (await runFinops(['completion', 'bash'])).stdout;
  });

  it('prints a bash script that registers the function', () => {
    expect(bash.startsWith('# bash completion for finops')).toBe(true);
    expect(
      bash.trimEnd().endsWith('complete -o default -F _finops finops'),
    ).toBe(true);
  });

  it('completes commands, subcommands and options in bash', async () => {
    expect(await completeInBash(bash, ['finops', 'ca'])).toEqual(['catalog']);
    expect(await completeInBash(bash, ['finops', 'catalog', ''])).toEqual([
      '--help',
      '-h',
      'register',
      'validate',
    ]);
    expect(
      await completeInBash(bash, [
        'finops',
        'secrets',
        'provision',
        'x',
        '--a',
      ]),
    ).toEqual(['--auth']);
    // Global options are offered after the command, where they are parsed.
    expect(
      await completeInBash(bash, ['finops', 'status', 'x', '--j']),
    ).toEqual(['--json']);
  });

  it("completes an option's choices, and files where a file goes", async () => {
    expect(
      await completeInBash(bash, [
        'finops',
        'secrets',
        'provision',
        'x',
        '--auth',
        '',
      ]),
    ).toEqual(['approle', 'kubernetes']);
    expect(await completeInBash(bash, ['finops', 'completion', ''])).toEqual(
      expect.arrayContaining(['--help']),
    );
    const dir = await temporaryConfigHome();
    await writeFile(join(dir, 'catalog-info.yaml'), '');
    expect(
      await completeInBash(
        bash,
        ['finops', 'catalog', 'validate', 'catalog-'],
        dir,
      ),
    ).toEqual(['catalog-info.yaml']);
    expect(
      await completeInBash(
        bash,
        ['finops', 'create', 'x', '--values', 'cat'],
        dir,
      ),
    ).toEqual(['catalog-info.yaml']);
  });

  it('prints a zsh completion function with descriptions', async () => {
    const run = await runFinops(['completion', 'zsh']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.startsWith('#compdef finops\n')).toBe(true);
    expect(run.stdout).toContain(
      "'validate:Check a catalog-info.yaml as the portal would'",
    );
  });

  // zsh is not on every machine the suite runs on; where it is, the script
  // runs in it with zsh's completion builtins recording what they are given.
  (hasZsh() ? describe : describe.skip)('in a real zsh', () => {
    it('completes commands, choices and files', async () => {
      const run = await runFinops(['completion', 'zsh']);
      const dir = await temporaryConfigHome();
      await writeFile(join(dir, '_finops'), run.stdout);
      const complete = async (words: string[]) => {
        const { stdout } = await exec('zsh', [
          '-f',
          '-c',
          [
            '_describe() { print -l -- "${(@P)${@[-1]}}" }',
            'compadd() { [[ $1 == -a ]] && print -l -- "${(@P)2}" }',
            '_files() { print -- "(files)" }',
            'compdef() { : }',
            `source '${join(dir, '_finops')}'`,
            `words=(${words.map(w => `'${w}'`).join(' ')}); CURRENT=${
              words.length
            }; PREFIX='${words.at(-1)}'`,
            '_finops',
          ].join('\n'),
        ]);
        return stdout.split('\n').filter(Boolean);
      };
      expect(await complete(['finops', 'catalog', ''])).toEqual([
        'validate:Check a catalog-info.yaml as the portal would',
        "register:Register a repository's catalog-info.yaml in the catalog",
        '-h:show help',
        '--help:show help',
      ]);
      // A file argument: commands and options, then files.
      expect(await complete(['finops', 'catalog', 'validate', ''])).toContain(
        '(files)',
      );
      expect(
        await complete(['finops', 'secrets', 'provision', 'x', '--auth', '']),
      ).toEqual(['approle', 'kubernetes']);
      expect(await complete(['finops', 'create', 'x', '--values', ''])).toEqual(
        ['(files)'],
      );
    });
  });

  it('refuses other shells with exit 2', async () => {
    const run = await runFinops(['completion', 'fish']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(
      "finops: command-argument value 'fish' is invalid for argument 'shell'. Allowed choices are bash, zsh.",
    );
  });
});
