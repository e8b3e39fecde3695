import { ARCHIVE_COLUMN_KINDS, BATCH_TASK_STATES } from '@so-batch/client';
import type { Command, Option } from 'commander';
import { ARCHIVE_COLUMNS, ARCHIVE_KINDS, operatorsOf } from './archive.ts';

// Completion scripts made from commander's own command tree: a command or option added to the
// program is completed without touching this file.

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** The values an option's argument can take, when there is a fixed set. */
function valuesOf(option: Option): readonly string[] | undefined {
  if (option.argChoices) return option.argChoices;
  if (option.long === '--state') return BATCH_TASK_STATES;
  return undefined;
}

interface Flag {
  long: string;
  short: string | undefined;
  description: string;
  /** Takes a value (--name <name>). */
  takesValue: boolean;
  values: readonly string[] | undefined;
  /** Completed from the archive (query's --select, --order-by, --filter): what the value is. */
  archive: ArchiveValue | undefined;
}

/**
 * query's options whose values name the archive's columns: --select (a comma list), --order-by
 * (a comma list, each column maybe followed by asc or desc) and --filter (a column, then the
 * operators of its kind; a column again after "and").
 */
const ARCHIVE_VALUES = { '--select': 'select', '--order-by': 'order-by', '--filter': 'filter' } as const;
type ArchiveValue = (typeof ARCHIVE_VALUES)[keyof typeof ARCHIVE_VALUES];
const archiveValueOf = (command: Command, long: string): ArchiveValue | undefined =>
  command.name() === 'query' && Object.hasOwn(ARCHIVE_VALUES, long) ? ARCHIVE_VALUES[long as keyof typeof ARCHIVE_VALUES] : undefined;

interface CommandShape {
  name: string;
  description: string;
  flags: Flag[];
  /** The fixed values of its first argument (completion's shells), if any. */
  argumentValues: readonly string[] | undefined;
}

function flagsOf(command: Command): Flag[] {
  const help = command.createHelp();
  return command.options
    .filter((option) => option.long && !option.hidden)
    .map((option) => ({
      long: option.long!,
      short: option.short,
      description: help.optionDescription(option).replace(/\s*\(default: .*\)$/, ''),
      takesValue: option.required || option.optional,
      values: valuesOf(option),
      archive: archiveValueOf(command, option.long!),
    }));
}

function shapeOf(program: Command): { globals: Flag[]; commands: CommandShape[] } {
  const helpFlag: Flag = { long: '--help', short: '-h', description: 'display help for command', takesValue: false, values: undefined, archive: undefined };
  return {
    globals: [...flagsOf(program), helpFlag],
    commands: program.commands.map((command) => ({
      name: command.name(),
      description: command.description(),
      flags: [...flagsOf(command), helpFlag],
      argumentValues: command.registeredArguments[0]?.argChoices,
    })),
  };
}

/** The shell's case branches from each kind to the operators of that kind (`int) words='eq = ...'`). */
const operatorBranches = (indent: string, assign: (words: string[]) => string) =>
  ARCHIVE_KINDS.map((kind) => `${indent}${kind}) ${assign(operatorsOf(kind))} ;;`).join('\n');

/**
 * The archive's part of the bash script: the value typed so far is split at its last comma or
 * space; what comes before stays as typed (a column list, or a filter's earlier conditions), and
 * the last part is completed: a column, a direction after an order-by column, an operator of the
 * column's kind after a filter column, a column again after "and". A leading quote is kept.
 */
function bashArchive(): string {
  return `_so_batch_archive() {
  local what="$1" cur="$2" quote="" last head before kind words="" columns=${singleQuoted(ARCHIVE_COLUMNS.join(' '))}
  local -A kinds=(${Object.entries(ARCHIVE_COLUMN_KINDS).map(([column, kind]) => `[${column}]=${kind}`).join(' ')})
  case "$cur" in \\"*|\\'*) quote="\${cur:0:1}"; cur="\${cur:1}" ;; esac
  last="\${cur##*[, ]}"
  head="\${cur:0:\${#cur}-\${#last}}"
  before="\${head%[, ]}"
  before="\${before##*[, (]}"
  kind=""
  [[ $head == *' ' && -n $before ]] && kind="\${kinds[$before]}"
  case "$what" in
    select) words="$columns" ;;
    order-by) if [[ -n $kind ]]; then words='asc desc'; else words="$columns"; fi ;;
    filter)
      if [[ -z $head || $before == and ]]; then words="$columns"
      else
        case "$kind" in
${operatorBranches('          ', (operators) => `words=${singleQuoted(operators.join(' '))}`)}
        esac
      fi ;;
  esac
  COMPREPLY=()
  [[ -n $words ]] && mapfile -t COMPREPLY < <(compgen -P "$quote$head" -W "$words" -- "$last")
}
`;
}

const words = (flags: Flag[]) => flags.flatMap((flag) => [flag.long, ...(flag.short ? [flag.short] : [])]);
const singleQuoted = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

function bash(program: Command): string {
  const { globals, commands } = shapeOf(program);
  const all = [...globals, ...commands.flatMap((c) => c.flags)];
  const valued = [...new Set(all.filter((f) => f.takesValue && !f.values).flatMap((f) => words([f])))];
  const fixed = new Map(all.filter((f) => f.values).map((f) => [f.long, f.values!]));
  const archive = commands.flatMap((c) => c.flags.filter((f) => f.archive).map((f) => ({ command: c.name, flag: f })));
  return `# so-batch completion for bash: made by \`so-batch completion bash\`.
${bashArchive()}
_so_batch() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" command="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${commands.map((c) => c.name).join('|')}) command="\${COMP_WORDS[i]}"; break ;;
    esac
  done
${archive.map(({ command, flag }) => `  [[ $command == ${command} && $prev == ${flag.long} ]] && { _so_batch_archive ${flag.archive} "$cur"; return; }`).join('\n')}
  case "$prev" in
${[...fixed].map(([flag, values]) => `    ${flag}) COMPREPLY=($(compgen -W ${singleQuoted(values.join(' '))} -- "$cur")); return ;;`).join('\n')}
    ${valued.join('|')}) COMPREPLY=(); return ;;
  esac
  case "$command" in
    "") COMPREPLY=($(compgen -W ${singleQuoted([...commands.map((c) => c.name), ...words(globals)].join(' '))} -- "$cur")) ;;
${commands
  .map((c) => {
    const candidates = [...words(c.flags), ...words(globals.filter((g) => g.long !== '--help')), ...(c.argumentValues ?? [])];
    return `    ${c.name}) COMPREPLY=($(compgen -W ${singleQuoted([...new Set(candidates)].join(' '))} -- "$cur")) ;;`;
  })
  .join('\n')}
  esac
}
complete -F _so_batch so-batch
`;
}

/** Text inside a zsh _arguments spec's [description]: brackets and colons escaped. */
const zshText = (text: string) => text.replace(/[\\[\]:]/g, (c) => `\\${c}`);

/** The archive's part of the zsh script: the same completions as bash's, with compset and compadd. */
function zshArchive(): string {
  return `_so_batch_archive() {
  local -a columns
  columns=(${ARCHIVE_COLUMNS.join(' ')})
  local -A kinds
  kinds=(${Object.entries(ARCHIVE_COLUMN_KINDS).map(([column, kind]) => `${column} ${kind}`).join(' ')})
  local value=$PREFIX head before kind=""
  compset -P '*[, ]'
  head=\${value[1,$(( \${#value} - \${#PREFIX} ))]}
  before=\${\${head%[, ]}##*[, (\\"\\']}
  [[ $head == *' ' && -n $before ]] && kind=\${kinds[$before]}
  case $1 in
    select) compadd -a columns ;;
    order-by) if [[ -n $kind ]]; then compadd -- asc desc; else compadd -a columns; fi ;;
    filter)
      if [[ -z \${head#[\\"\\']} || $before == and ]]; then compadd -a columns
      else
        case $kind in
${operatorBranches('          ', (operators) => `compadd -- ${operators.join(' ')}`)}
        esac
      fi ;;
  esac
}
`;
}

function zshSpec(flag: Flag): string {
  const action = flag.archive ? `{_so_batch_archive ${flag.archive}}` : flag.values ? `(${flag.values.join(' ')})` : '';
  const value = flag.takesValue ? `:${flag.long.slice(2)}:${action}` : '';
  const names = flag.short ? `{${flag.short},${flag.long}}` : flag.long;
  return `${flag.short ? `'(${flag.short} ${flag.long})'` : ''}${names}${singleQuoted(`[${zshText(flag.description)}]${value}`)}`;
}

function zsh(program: Command): string {
  const { globals, commands } = shapeOf(program);
  const globalSpecs = globals.map((flag) => `    ${zshSpec(flag)}`).join('\n');
  return `#compdef so-batch
# so-batch completion for zsh: made by \`so-batch completion zsh\`.
${zshArchive()}
_so_batch() {
  local context state state_descr line
  typeset -A opt_args
  local -a commands
  commands=(
${commands.map((c) => `    ${singleQuoted(`${c.name}:${c.description.replace(/:/g, '\\:')}`)}`).join('\n')}
  )
  _arguments -C \\
${globalSpecs.split('\n').map((line) => `${line} \\`).join('\n')}
    '1: :->command' \\
    '*:: :->arguments'
  case $state in
    command) _describe -t commands 'so-batch command' commands ;;
    arguments)
      case $line[1] in
${commands
  .map((c) => {
    const specs = [...c.flags.map(zshSpec), ...(c.argumentValues ? [singleQuoted(`1:value:(${c.argumentValues.join(' ')})`)] : [])];
    return `        ${c.name}) _arguments ${specs.join(' ')} ;;`;
  })
  .join('\n')}
      esac ;;
  esac
}
if [ "$funcstack[1]" = "_so_batch" ]; then
  _so_batch "$@"
else
  compdef _so_batch so-batch
fi
`;
}

/**
 * The archive's part of the fish script: the same completions as bash's; each candidate is the
 * whole token (what comes before the last part kept), as fish matches candidates to the token.
 */
function fishArchive(): string {
  return `function __so_batch_archive
    # The token as fish matches it: a quote it opened closed, then unescaped.
    set -l token (commandline -ct)
    set -l quote (string match -r -- '^["\\']' "$token")
    if test -n "$quote"; and not string match -q -r -- '.["\\']$' "$token"
        set token "$token$quote"
    end
    set token (string unescape -- "$token")
    set -l last (string match -r -- '[^, ]*$' "$token")
    set -l head (string sub -l (math (string length -- "$token") - (string length -- "$last")) -- "$token")
    set -l before (string replace -r -- '[, ]$' '' "$head" | string replace -r -- '^.*[, (]' '')
    set -l kind
    if string match -q -- '* ' "$head"
        switch "$before"
${Object.entries(ARCHIVE_COLUMN_KINDS)
  .map(([column, kind]) => `            case ${column}\n                set kind ${kind}`)
  .join('\n')}
        end
    end
    set -l columns ${ARCHIVE_COLUMNS.join(' ')}
    set -l words
    switch $argv[1]
        case select
            set words $columns
        case order-by
            if test -n "$kind"
                set words asc desc
            else
                set words $columns
            end
        case filter
            if test -z "$head"; or test "$before" = and
                set words $columns
            else
                switch "$kind"
${ARCHIVE_KINDS.map((kind) => `                    case ${kind}\n                        set words ${operatorsOf(kind).join(' ')}`).join('\n')}
                end
            end
    end
    for word in $words
        printf '%s\\n' "$head$word"
    end
end
`;
}

function fish(program: Command): string {
  const { globals, commands } = shapeOf(program);
  const line = (condition: string | undefined, flag: Flag) =>
    [
      'complete -c so-batch',
      condition ? `-n ${singleQuoted(condition)}` : '',
      `-l ${flag.long.slice(2)}`,
      flag.short ? `-s ${flag.short.slice(1)}` : '',
      flag.takesValue ? (flag.archive ? `-x -a ${singleQuoted(`(__so_batch_archive ${flag.archive})`)}` : flag.values ? `-x -a ${singleQuoted(flag.values.join(' '))}` : '-x') : '',
      `-d ${singleQuoted(flag.description)}`,
    ]
      .filter(Boolean)
      .join(' ');
  const names = commands.map((c) => c.name).join(' ');
  return `# so-batch completion for fish: made by \`so-batch completion fish\`.
${fishArchive()}
complete -c so-batch -f
${commands.map((c) => `complete -c so-batch -n ${singleQuoted(`not __fish_seen_subcommand_from ${names}`)} -a ${c.name} -d ${singleQuoted(c.description)}`).join('\n')}
${globals.map((flag) => line(undefined, flag)).join('\n')}
${commands
  .flatMap((c) => [
    ...c.flags.filter((flag) => flag.long !== '--help').map((flag) => line(`__fish_seen_subcommand_from ${c.name}`, flag)),
    ...(c.argumentValues ? [`complete -c so-batch -n ${singleQuoted(`__fish_seen_subcommand_from ${c.name}`)} -a ${singleQuoted(c.argumentValues.join(' '))}`] : []),
  ])
  .join('\n')}
`;
}

export function completionScript(program: Command, shell: Shell): string {
  return { bash, zsh, fish }[shell](program);
}
