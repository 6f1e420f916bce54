import { CompletionNode } from './commandTree';

/**
 * A bash completion function: walks the words typed so far to find the
 * command, then offers its subcommands and options, an option's choices,
 * or file names where a value or a file argument goes.
 */
export function bashScript(nodes: CompletionNode[]): string {
  const words = nodes
    .map(node => {
      const all = [
        ...node.subcommands.map(s => s.name),
        ...node.options.flatMap(o => o.names),
      ];
      return `    ${quote(node.path)}) echo ${quote(all.join(' '))} ;;`;
    })
    .join('\n');
  const subcommands = nodes
    .map(
      node =>
        `    ${quote(node.path)}) echo ${quote(
          node.subcommands.map(s => s.name).join(' '),
        )} ;;`,
    )
    .join('\n');
  const valueOptions = nodes
    .flatMap(node =>
      node.options
        .filter(o => o.takesValue)
        .flatMap(o =>
          o.names.map(
            name =>
              `    ${quote(`${node.path}|${name}`)}) echo ${quote(
                o.choices ? o.choices.join(' ') : '__files__',
              )} ;;`,
          ),
        ),
    )
    .join('\n');

  return `# bash completion for finops; load with:  source <(finops completion bash)
_finops_words() {
  case "$1" in
${words}
  esac
}
_finops_subcommands() {
  case "$1" in
${subcommands}
  esac
}
_finops_option_values() {
  case "$1" in
${valueOptions}
    *) return 1 ;;
  esac
}
_finops() {
  local cur prev cmdpath word i subs values
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmdpath=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    [[ "$word" == -* ]] && continue
    subs=" $(_finops_subcommands "$cmdpath") "
    if [[ "$subs" == *" $word "* ]]; then
      cmdpath="\${cmdpath:+$cmdpath }$word"
    fi
  done
  if [[ "$prev" == -* ]] && values="$(_finops_option_values "$cmdpath|$prev")"; then
    if [[ "$values" == "__files__" ]]; then
      COMPREPLY=($(compgen -f -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$values" -- "$cur"))
    fi
    return 0
  fi
  COMPREPLY=($(compgen -W "$(_finops_words "$cmdpath")" -- "$cur"))
  if [[ "$cur" != -* && -z "$(_finops_subcommands "$cmdpath")" ]]; then
    COMPREPLY+=($(compgen -f -- "$cur"))
  fi
  return 0
}
complete -o default -F _finops finops
`;
}

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
