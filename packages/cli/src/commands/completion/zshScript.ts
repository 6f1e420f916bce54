import { CompletionNode } from './commandTree';

/**
 * A zsh completion function (compdef): subcommands and options with their
 * descriptions, an option's choices, files where a value or file goes.
 */
export function zshScript(nodes: CompletionNode[]): string {
  const entries = nodes
    .map(node => {
      const described = [
        ...node.subcommands.map(
          s => `${escape(s.name)}:${escape(s.description)}`,
        ),
        ...node.options.flatMap(o =>
          o.names.map(name => `${escape(name)}:${escape(o.description)}`),
        ),
      ];
      return `    ${quote(node.path)}) described=(${described
        .map(quote)
        .join(' ')}) ;;`;
    })
    .join('\n');
  const subcommands = nodes
    .map(
      node =>
        `    ${quote(node.path)}) reply=(${node.subcommands
          .map(s => quote(s.name))
          .join(' ')}) ;;`,
    )
    .join('\n');
  const valueOptions = nodes
    .flatMap(node =>
      node.options
        .filter(o => o.takesValue)
        .flatMap(o =>
          o.names.map(
            name =>
              `    ${quote(`${node.path}|${name}`)}) reply=(${(
                o.choices ?? ['__files__']
              )
                .map(quote)
                .join(' ')}) ;;`,
          ),
        ),
    )
    .join('\n');

  return `#compdef finops
# zsh completion for finops; load with:  source <(finops completion zsh)
# (or save it as _finops in a directory on $fpath)
_finops_subcommands() {
  reply=()
  case "$1" in
${subcommands}
  esac
}
_finops_option_values() {
  reply=()
  case "$1" in
${valueOptions}
    *) return 1 ;;
  esac
}
_finops() {
  local cmdpath="" word prev i
  local -a described reply
  for ((i = 2; i < CURRENT; i++)); do
    word="\${words[i]}"
    [[ "$word" == -* ]] && continue
    _finops_subcommands "$cmdpath"
    if (( \${reply[(Ie)$word]} )); then
      cmdpath="\${cmdpath:+$cmdpath }$word"
    fi
  done
  prev="\${words[CURRENT-1]}"
  if [[ "$prev" == -* ]] && _finops_option_values "$cmdpath|$prev"; then
    if [[ "\${reply[1]}" == "__files__" ]]; then
      _files
    else
      compadd -a reply
    fi
    return
  fi
  case "$cmdpath" in
${entries}
  esac
  _describe -t commands 'finops' described
  _finops_subcommands "$cmdpath"
  if [[ \${#reply} -eq 0 && "$PREFIX" != -* ]]; then
    _files
  fi
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then
  _finops "$@"
else
  compdef _finops finops
fi
`;
}

/** _describe splits on the first unescaped colon. */
function escape(text: string): string {
  return text.replace(/:/g, '\\:');
}

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
