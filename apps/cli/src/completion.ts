import { BATCH_TASK_STATES } from '@so-batch/client';
import type { Command, Option } from 'commander';

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
}

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
    }));
}

function shapeOf(program: Command): { globals: Flag[]; commands: CommandShape[] } {
  const helpFlag: Flag = { long: '--help', short: '-h', description: 'display help for command', takesValue: false, values: undefined };
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

const words = (flags: Flag[]) => flags.flatMap((flag) => [flag.long, ...(flag.short ? [flag.short] : [])]);
const singleQuoted = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

function bash(program: Command): string {
  const { globals, commands } = shapeOf(program);
  const all = [...globals, ...commands.flatMap((c) => c.flags)];
  const valued = [...new Set(all.filter((f) => f.takesValue && !f.values).flatMap((f) => words([f])))];
  const fixed = new Map(all.filter((f) => f.values).map((f) => [f.long, f.values!]));
  return `# so-batch completion for bash: made by \`so-batch completion bash\`.
_so_batch() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" command="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${commands.map((c) => c.name).join('|')}) command="\${COMP_WORDS[i]}"; break ;;
    esac
  done
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

function zshSpec(flag: Flag): string {
  const value = flag.takesValue ? `:${flag.long.slice(2)}:${flag.values ? `(${flag.values.join(' ')})` : ''}` : '';
  const names = flag.short ? `{${flag.short},${flag.long}}` : flag.long;
  return `${flag.short ? `'(${flag.short} ${flag.long})'` : ''}${names}${singleQuoted(`[${zshText(flag.description)}]${value}`)}`;
}

function zsh(program: Command): string {
  const { globals, commands } = shapeOf(program);
  const globalSpecs = globals.map((flag) => `    ${zshSpec(flag)}`).join('\n');
  return `#compdef so-batch
# so-batch completion for zsh: made by \`so-batch completion zsh\`.
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

function fish(program: Command): string {
  const { globals, commands } = shapeOf(program);
  const line = (condition: string | undefined, flag: Flag) =>
    [
      'complete -c so-batch',
      condition ? `-n ${singleQuoted(condition)}` : '',
      `-l ${flag.long.slice(2)}`,
      flag.short ? `-s ${flag.short.slice(1)}` : '',
      flag.takesValue ? (flag.values ? `-x -a ${singleQuoted(flag.values.join(' '))}` : '-x') : '',
      `-d ${singleQuoted(flag.description)}`,
    ]
      .filter(Boolean)
      .join(' ');
  const names = commands.map((c) => c.name).join(' ');
  return `# so-batch completion for fish: made by \`so-batch completion fish\`.
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
