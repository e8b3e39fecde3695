import { BATCH_TASK_STATES, type BatchClient, type BatchResult, type BatchTaskInfo, type BatchTaskProperty, type BatchTaskState } from '@so-batch/client';
import { Command, CommanderError, Option } from 'commander';
import { connect, ENVIRONMENT_HELP, type ConnectionOptions } from './connect.ts';
import { CliFailure, describe, EXIT, EXIT_CODES_HELP, type Target } from './failures.ts';
import { printJson, printTask, printTasks, type Io } from './output.ts';
import { scrubbed } from './scrub.ts';
import { watchTask } from './watch.ts';

// Every BatchTaskInfo property name, for --select (the client's types list them; this is the runtime copy).
const PROPERTIES: BatchTaskProperty[] = [
  'Id', 'Name', 'AssociateId', 'DetailsTable', 'DetailsRecord', 'IsSystemTask', 'IsInternalTask', 'ParameterObject', 'LastStarted', 'Created',
  'StartCount', 'DatabaseSerialNumber', 'Context', 'Result', 'State', 'Description', 'Response', 'Request', 'ProgressDescription', 'ProgressPercent',
  'FileName', 'CancellationBehaviour', 'TableRight', 'FieldProperties',
];

function usage(message: string): CliFailure {
  return new CliFailure(message, EXIT.usage);
}

export function parseState(value: string): BatchTaskState {
  const state = BATCH_TASK_STATES.find((s) => s.toLowerCase() === value.toLowerCase());
  if (!state) throw usage(`Unknown state "${value}": use one of ${BATCH_TASK_STATES.join(', ')}.`);
  return state;
}

function parseIds(value: string, what: string): number[] {
  const ids = value.split(',').map((part) => part.trim());
  if (ids.some((id) => !/^\d{1,10}$/.test(id) || Number(id) > 2147483647)) throw usage(`${what} must be task or associate ids separated by commas, such as 12,13; not "${value}".`);
  return ids.map(Number);
}

function parseId(value: string): number {
  if (!/^\d{1,10}$/.test(value) || Number(value) > 2147483647) throw usage(`A task id is a whole number, such as 189; not "${value}".`);
  return Number(value);
}

function parseSelect(value: string): BatchTaskProperty[] {
  return value.split(',').map((raw) => {
    const name = PROPERTIES.find((p) => p.toLowerCase() === raw.trim().toLowerCase());
    if (!name) throw usage(`Unknown property "${raw.trim()}" in --select: use BatchTaskInfo names such as ${PROPERTIES.slice(0, 6).join(', ')}.`);
    return name;
  });
}

function parseParam(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at < 1) throw usage(`--param takes key=value, such as --param Folder=exports; not "${value}".`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

function parseInterval(value: string): number {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 10) throw usage(`--interval is milliseconds (10 or more), not "${value}".`);
  return ms;
}

/** The longest a timer can wait: 2^31 - 1 ms, about 24.8 days. */
const MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0.001 || seconds > MAX_TIMEOUT_SECONDS) {
    throw usage(`--timeout is seconds, from 0.001 to ${MAX_TIMEOUT_SECONDS} (24.8 days), not "${value}".`);
  }
  return seconds;
}

function unwrap<T>(result: BatchResult<T>, target: Target): T {
  if (result.error) throw describe(result.error, target);
  return result.data as T;
}

interface GlobalFlags extends ConnectionOptions {
  json?: boolean;
}

export async function run(argv: string[], terminal: Io, signal: AbortSignal, version: string): Promise<number> {
  const io = scrubbed(terminal);
  let exitCode: number = EXIT.ok;
  // The command commander is parsing, so that its errors can point at that command's --help.
  let parsing: Command | undefined;
  const program = new Command('so-batch')
    .description('List, start, update and watch SuperOffice batch tasks.')
    .version(version, '-V, --version')
    .option('--base-url <url>', 'the SuperOffice installation (default: $SO_BASE_URL)')
    .option('--json', 'print one JSON document on stdout, for scripts')
    .option('--language <code>', 'translate strings into this language (SO-Language), such as en')
    .option('--timezone <zone>', 'convert dates to this time zone (SO-TimeZone), such as NO')
    .option('--mock', "start the project's mock server and talk to it")
    .addHelpText('after', `${ENVIRONMENT_HELP}\n\nExamples:\n  so-batch list --state Started\n  so-batch start --name ExportJob --param Folder=exports --watch\n  so-batch --mock get 189 --json`)
    .addHelpText('afterAll', EXIT_CODES_HELP)
    // Set before the commands are added, which inherit them.
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    // Commander's errors are reported below, as one line like every other failure.
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text), outputError: () => {} })
    .hook('preSubcommand', (_, command) => {
      parsing = command;
    });

  async function withClient(use: (client: BatchClient, target: Target, flags: GlobalFlags) => Promise<number | void>): Promise<void> {
    const flags = program.opts<GlobalFlags>();
    const connection = await connect(flags, io.env, (line) => io.stderr.write(`${line}\n`));
    try {
      exitCode = (await use(connection.client, connection.target, flags)) ?? EXIT.ok;
    } finally {
      await connection.close();
    }
  }

  program
    .command('list')
    .description('List batch tasks: by state, by associates, by name, or a mix.')
    .option('--state <state>', `only tasks in this state (${BATCH_TASK_STATES.join(', ')})`)
    .option('--associate <ids>', 'only tasks these associates own, such as 12,13')
    .option('--name <name>', 'only tasks with this name (their job name)')
    .option('--select <properties>', 'only these BatchTaskInfo properties, such as Id,Name,State')
    .addHelpText('after', '\nExamples:\n  so-batch list\n  so-batch list --state Started\n  so-batch list --associate 12,13 --state Failed\n  so-batch list --name ExportJob --select Id,State,ProgressPercent --json')
    .action((options: { state?: string; associate?: string; name?: string; select?: string }) => {
      const state = options.state ? parseState(options.state) : undefined;
      const associates = options.associate ? parseIds(options.associate, '--associate') : undefined;
      const select = options.select ? parseSelect(options.select) : undefined;
      return withClient(async (client, target, flags) => {
        const call = { ...(select ? { select } : {}), signal };
        let result: BatchResult<Partial<BatchTaskInfo>[]>;
        if (associates && options.name) result = await client.agents.getBatchTaskInfosByNameAndAssociates(options.name, associates, call);
        else if (associates) result = state ? await client.agents.getBatchTaskInfosByAssociatesAndState(associates, state, call) : await client.agents.getBatchTaskInfosByAssociates(associates, call);
        else if (options.name) result = await client.agents.getBatchTaskInfosByNameAndState(options.name, state ?? 'All', call);
        else result = await client.agents.getBatchTaskInfosByState(state ?? 'All', call);
        let tasks = unwrap(result, target);
        // No call takes name, associates and state at once: the state is applied here.
        if (associates && options.name && state && state !== 'All') tasks = tasks.filter((task) => task.State === state);
        if (flags.json) printJson(io, tasks);
        else printTasks(io, tasks, select);
      });
    });

  program
    .command('get')
    .description('Show one batch task.')
    .argument('<id>', 'the task id')
    .addHelpText('after', '\nExamples:\n  so-batch get 189\n  so-batch get 189 --json')
    .action((id: string) => {
      const taskId = parseId(id);
      return withClient(async (client, target, flags) => {
        const task = unwrap(await client.agents.getBatchTaskInfo(taskId, { signal }), target);
        if (task === null) throw new CliFailure(`Batch task ${id} was not found (or your user may not see it).`, EXIT.notFound);
        if (flags.json) printJson(io, task);
        else printTask(io, task);
      });
    });

  program
    .command('start')
    .description('Start a batch job; prints the new task id.')
    .requiredOption('--name <name>', 'the batch job to start')
    .option('--param <key=value>', 'a job parameter (repeat for more)', parseParam)
    .option('--description <text>', 'a description for the task')
    .option('--watch', 'then follow the task until it ends')
    .addOption(new Option('--interval <ms>', 'with --watch: time between polls').argParser(parseInterval).default(1000))
    .addOption(new Option('--timeout <seconds>', 'with --watch: stop watching after this long (the task goes on)').argParser(parseTimeout))
    .addHelpText('after', '\nExamples:\n  so-batch start --name ExportJob --param Folder=exports --param Format=csv\n  so-batch start --name ExportJob --watch --timeout 600')
    .action((options: { name: string; param?: Record<string, string>; description?: string; watch?: boolean; interval: number; timeout?: number }) =>
      withClient(async (client, target, flags) => {
        const id = unwrap(
          await client.startBatchJob(
            { Name: options.name, ...(options.param ? { ParameterObject: options.param } : {}), ...(options.description ? { Description: options.description } : {}) },
            { signal },
          ),
          target,
        );
        if (!options.watch) {
          if (flags.json) printJson(io, { Id: id });
          else io.stdout.write(`Started task ${id}\n`);
          return;
        }
        io.stderr.write(`Started task ${id}\n`);
        return watchTask(client, target, id, io, { json: Boolean(flags.json), intervalMs: options.interval, timeoutSeconds: options.timeout, signal });
      }),
    );

  program
    .command('update')
    .description('Update a batch task: only state, description, request and response change.')
    .argument('<id>', 'the task id')
    .option('--state <state>', 'the new state')
    .option('--description <text>', 'the new description')
    .option('--request <text>', 'the new request')
    .option('--response <text>', 'the new response')
    .addHelpText('after', '\nExamples:\n  so-batch update 189 --state Failed --response "Cancelled by the operator"')
    .action((id: string, options: { state?: string; description?: string; request?: string; response?: string }) => {
      const taskId = parseId(id);
      const changes = {
        ...(options.state ? { State: parseState(options.state) } : {}),
        ...(options.description !== undefined ? { Description: options.description } : {}),
        ...(options.request !== undefined ? { Request: options.request } : {}),
        ...(options.response !== undefined ? { Response: options.response } : {}),
      };
      if (Object.keys(changes).length === 0) throw usage('Nothing to update: give --state, --description, --request or --response.');
      return withClient(async (client, target, flags) => {
        const task = unwrap(await client.updateBatchTask({ Id: taskId, ...changes }, { signal }), target);
        if (flags.json) printJson(io, task);
        else printTask(io, task);
      });
    });

  program
    .command('watch')
    .description('Follow a batch task until it ends: a live progress bar, then its state and result.')
    .argument('<id>', 'the task id')
    .addOption(new Option('--interval <ms>', 'time between polls').argParser(parseInterval).default(1000))
    .addOption(new Option('--timeout <seconds>', 'stop watching after this long (the task goes on)').argParser(parseTimeout))
    .addHelpText('after', '\nExits 0 when the task Succeeded, 1 when it Failed, 7 when --timeout passed. Ctrl-C stops watching; the task goes on.\n\nExamples:\n  so-batch watch 189\n  so-batch watch 189 --timeout 600 2>progress.log')
    .action((id: string, options: { interval: number; timeout?: number }) => {
      const taskId = parseId(id);
      return withClient((client, target, flags) => watchTask(client, target, taskId, io, { json: Boolean(flags.json), intervalMs: options.interval, timeoutSeconds: options.timeout, signal }));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok; // --help or --version
      // commander.help: no command given, and commander printed the help on stderr.
      if (error.code !== 'commander.help') {
        const message = error.message.replace(/^error: /, '').replace(/\n\(Did you mean (.*)\)$/, '; did you mean $1');
        io.stderr.write(`so-batch: ${message} (so-batch ${parsing ? `${parsing.name()} ` : ''}--help)\n`);
      }
      return EXIT.usage;
    }
    const failure = error instanceof CliFailure ? error : describe(error as Error, { baseUrl: '', credentials: 'the credentials' });
    io.stderr.write(`so-batch: ${failure.message}\n`);
    return failure.exitCode;
  }
}
