import { createInterface } from 'node:readline/promises';
import { BATCH_TASK_STATES, FINAL_STATES, type BatchClient, type BatchResult, type BatchTaskInfo } from '@so-batch/client';
import { Argument, Command, CommanderError, Option } from 'commander';
import { checkTask, checkTasks } from './answers.ts';
import { archiveHelp } from './archive.ts';
import { completionScript, SHELLS, type Shell } from './completion.ts';
import { connect, ENVIRONMENT_HELP, type ConnectionOptions } from './connect.ts';
import { CliFailure, describe, EXIT, EXIT_CODES_HELP, internalError, notThere, type Target } from './failures.ts';
import { printJson, printTask, printTasks, type Io } from './output.ts';
import { DEFAULT_MAX_PAGES, DEFAULT_MAX_ROWS, positive, runQuery } from './query.ts';
import { count, parseId, parseIds, parseInterval, parseParam, parseSelect, parseState, seconds, usage } from './parse.ts';
import { scrubbed } from './scrub.ts';
import { visible } from './visible.ts';
import { TaskFailedFailure, watchTask } from './watch.ts';

function unwrap<T>(result: BatchResult<T>, target: Target): T {
  if (result.error) throw describe(result.error, target);
  return result.data as T;
}

/** Only the properties asked for (the server nulls the others out, but still sends them). */
function picked<T extends object>(value: T, select: readonly string[] | undefined): Partial<T> {
  return select ? (Object.fromEntries(select.map((key) => [key, (value as Record<string, unknown>)[key] ?? null])) as Partial<T>) : value;
}

interface GlobalFlags extends Omit<ConnectionOptions, 'requestTimeoutMs'> {
  json?: boolean;
  requestTimeout?: number;
}

/** Why the server answered that it did not stop task `id`: not there, ended already, or one that cannot be cancelled. */
async function whyNotStopped(client: BatchClient, target: Target, id: number, signal: AbortSignal): Promise<CliFailure> {
  const notStopped = (why: string) => new CliFailure(`The server did not stop task ${id}: ${why}.`, EXIT.server, { kind: 'not-stopped' });
  const answer = await client.agents.getBatchTaskInfo(id, { signal });
  if (answer.error) return notStopped(`it may have ended already, or be a task that cannot be cancelled (so-batch get ${id} --select State,CancellationBehaviour)`);
  if (answer.data === null) return notThere(id);
  const task = checkTask(answer.data, target);
  if (task.State && (FINAL_STATES as readonly string[]).includes(task.State)) return notStopped(`it has ended already (${task.State})`);
  if (task.CancellationBehaviour === 'CannotCancel') return notStopped(`it is ${task.State ?? 'in no state'}, and cannot be cancelled (CancellationBehaviour CannotCancel)`);
  return notStopped(`it is ${task.State ?? 'in no state'} (${task.ProgressPercent ?? 0}%), and the server did not say why`);
}

export async function run(argv: string[], terminal: Io, signal: AbortSignal, version: string): Promise<number> {
  const io = scrubbed(terminal);
  let exitCode: number = EXIT.ok;
  // The command commander is parsing, so that its errors can point at that command's --help.
  let parsing: Command | undefined;
  const program = new Command('so-batch')
    .description('List, start, stop, update, watch and delete SuperOffice batch tasks, and query their archive.')
    .version(version, '-V, --version')
    .option('--base-url <url>', 'the SuperOffice installation (default: $SO_BASE_URL)')
    .option('--json', 'print one JSON document on stdout, for scripts; a failure too: {"error": {"kind", "message", "status"}}')
    .option('--verbose', 'log each request on stderr: method, URL, status and time (never a credential)')
    .addOption(new Option('--request-timeout <seconds>', "each request's time limit (default: 30); not watch's --timeout").argParser(seconds('--request-timeout')))
    .option('--language <code>', 'translate strings into this language (SO-Language), such as en')
    .option('--timezone <zone>', 'convert dates to this time zone (SO-TimeZone), such as NO')
    .option('--mock', "start the project's mock server and talk to it")
    .addHelpText(
      'after',
      `${ENVIRONMENT_HELP}\n  COLUMNS         the width tables fit when stdout is not a terminal (a terminal's own width otherwise)\n\nExamples:\n  so-batch list --state Started\n  so-batch start --name ExportJob --param Folder=exports --watch\n  so-batch --mock get 189 --json\n  so-batch query --filter "name begins 'Export'" --order-by "created desc" --top 20`,
    )
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
    const connection = await connect(
      { ...flags, ...(flags.requestTimeout !== undefined ? { requestTimeoutMs: Math.round(flags.requestTimeout * 1000) } : {}) },
      io.env,
      (line) => io.stderr.write(`${visible(line)}\n`),
    );
    try {
      exitCode = (await use(connection.client, connection.target, flags)) ?? EXIT.ok;
    } finally {
      await connection.close();
    }
  }

  program
    .command('list')
    .description("List batch tasks: yours by state (the default), by name, by associates, or everyone's and the system's by name.")
    .option('--state <state>', `only tasks in this state (${BATCH_TASK_STATES.join(', ')})`)
    .option('--name <name>', 'only tasks with this name (their job name)')
    .option('--associate <ids>', 'only tasks these associates own, such as 12,13')
    .option('--all', "with --name: everyone's tasks and the system's, not only yours")
    .option('--system', "with --name: only the system's tasks")
    .option('--select <properties>', 'only these BatchTaskInfo properties, such as Id,Name,State')
    .addHelpText(
      'after',
      `
Which call answers (the API has no call for every mix):
  (no filter) or --state          GetBatchTaskInfosByState (State All without --state)
  --name [--state]                GetBatchTaskInfosByNameAndState
  --associate [--state]           GetBatchTaskInfosByAssociates(AndState)
  --associate --name [--state]    GetBatchTaskInfosByNameAndAssociates; the state is filtered here
  --all --name [--state]          GetAllBatchTaskInfosByName(AndState)
  --system --name [--state]       GetSystemBatchTaskInfosByName(AndState)
For other filters, sorting and pages, use so-batch query.

On a terminal, the table fits its width: columns are left out or cut (...); --json shows everything.

Examples:
  so-batch list
  so-batch list --state Started
  so-batch list --associate 12,13 --state Failed
  so-batch list --all --name ExportJob --state Failed
  so-batch list --name ExportJob --select Id,State,ProgressPercent --json`,
    )
    .action((options: { state?: string; associate?: string; name?: string; all?: boolean; system?: boolean; select?: string }) => {
      const state = options.state ? parseState(options.state) : undefined;
      const associates = options.associate ? parseIds(options.associate, '--associate') : undefined;
      const select = options.select ? parseSelect(options.select) : undefined;
      const scope = options.all ? '--all' : options.system ? '--system' : undefined;
      if (options.all && options.system) throw usage('--all and --system do not go together: --all already includes the system\'s tasks.');
      if (scope && !options.name) throw usage(`${scope} needs --name: the API lists everyone's or the system's tasks only by name. For other filters, use so-batch query.`);
      if (scope && associates) throw usage(`${scope} and --associate do not go together: no call takes both.`);
      return withClient(async (client, target, flags) => {
        const call = { ...(select ? { select } : {}), signal };
        const { agents } = client;
        const name = options.name;
        let result: BatchResult<Partial<BatchTaskInfo>[]>;
        if (options.all && name) result = state ? await agents.getAllBatchTaskInfosByNameAndState(name, state, call) : await agents.getAllBatchTaskInfosByName(name, call);
        else if (options.system && name) result = state ? await agents.getSystemBatchTaskInfosByNameAndState(name, state, call) : await agents.getSystemBatchTaskInfosByName(name, call);
        else if (associates && name) result = await agents.getBatchTaskInfosByNameAndAssociates(name, associates, call);
        else if (associates) result = state ? await agents.getBatchTaskInfosByAssociatesAndState(associates, state, call) : await agents.getBatchTaskInfosByAssociates(associates, call);
        else if (name) result = await agents.getBatchTaskInfosByNameAndState(name, state ?? 'All', call);
        else result = await agents.getBatchTaskInfosByState(state ?? 'All', call);
        let tasks: Partial<BatchTaskInfo>[] = checkTasks(unwrap(result, target), target);
        // No call takes name, associates and state at once: the state is applied here.
        if (associates && name && state && state !== 'All') tasks = tasks.filter((task) => task.State === state);
        if (flags.json) printJson(io, tasks);
        else printTasks(io, tasks, select);
      });
    });

  program
    .command('query')
    .description('Query the BatchTasks archive (REST GetAll): OData filter, order, columns and pages.')
    .option('--filter <expression>', "which rows, such as \"name begins 'Export' and state eq Failed\" ($filter)")
    .option('--order-by <columns>', 'sort order, such as "created desc,name" ($orderBy)')
    .option('--select <columns>', 'archive columns, such as batchTaskId,name,state ($select)')
    .addOption(new Option('--top <n>', 'at most this many rows per page ($top)').argParser(count('--top')))
    .addOption(new Option('--skip <n>', 'skip this many rows first ($skip)').argParser(count('--skip')))
    .option('--all-pages', 'follow odata.nextLink until the last page (within --max-pages and --max-rows)')
    .addOption(new Option('--max-pages <n>', `with --all-pages: read at most this many pages`).argParser(positive('--max-pages')).default(DEFAULT_MAX_PAGES))
    .addOption(new Option('--max-rows <n>', `with --all-pages: read at most this many rows`).argParser(positive('--max-rows')).default(DEFAULT_MAX_ROWS))
    .addHelpText(
      'after',
      `
${archiveHelp()}

Without --all-pages, a page with more after it says so on stderr; with --json, stdout is
{"value": [rows], "odata.nextLink": "..."} (the link only when there are more).

Rows are printed as each page comes (a table's columns are those of the first page). --all-pages
stops, says why on stderr and prints the rows read, at a limit (exit 8) or where the server's
paging goes wrong (exit 6): a link that does not move forward ($skip not past the last) or leads
back, an empty page that links to more, a link to another host. With --json, the document then
also holds "error" (its kind and message) and the link not followed.

Examples:
  so-batch query --top 20
  so-batch query --filter "name begins 'Export'" --order-by "batchTaskId desc" --select batchTaskId,name,state
  so-batch query --filter "associateId currentAssociate and created lastWeek" --order-by "created desc"
  so-batch query --filter "state eq Failed" --all-pages --json
  so-batch query --all-pages --max-pages 5000 --max-rows 500000 --json > archive.json`,
    )
    .action((options: { filter?: string; orderBy?: string; select?: string; top?: number; skip?: number; allPages?: boolean; maxPages: number; maxRows: number }) =>
      withClient((client, target, flags) => runQuery(client, target, io, Boolean(flags.json), options, signal)),
    );

  program
    .command('get')
    .description('Show one batch task, as a list of its properties.')
    .argument('<id>', 'the task id')
    .option('--select <properties>', 'only these BatchTaskInfo properties, such as Id,State,Result')
    .addHelpText('after', '\nExamples:\n  so-batch get 189\n  so-batch get 189 --select State,ProgressPercent,Result\n  so-batch get 189 --json')
    .action((id: string, options: { select?: string }) => {
      const taskId = parseId(id);
      const select = options.select ? parseSelect(options.select) : undefined;
      return withClient(async (client, target, flags) => {
        const task = unwrap(await client.agents.getBatchTaskInfo(taskId, { ...(select ? { select } : {}), signal }), target);
        if (task === null) throw notThere(taskId);
        // --json: the task as the server sent it (with --select, the rest nulled out); the list shows only what was asked.
        if (flags.json) printJson(io, checkTask(task, target));
        else printTask(io, picked(checkTask(task, target), select));
      });
    });

  program
    .command('start')
    .description('Start a batch job; prints the new task id alone on stdout (so id=$(so-batch start ...) works).')
    .requiredOption('--name <name>', 'the batch job to start')
    .option('--param <key=value>', 'a job parameter (repeat for more)', parseParam)
    .option('--description <text>', 'a description for the task')
    .option('--watch', 'then follow the task until it ends ("Started task N" goes to stderr, the result to stdout)')
    .addOption(new Option('--interval <ms>', 'with --watch: time between polls').argParser(parseInterval).default(1000))
    .addOption(new Option('--timeout <seconds>', 'with --watch: stop watching after this long (the task goes on)').argParser(seconds('--timeout')))
    .addOption(new Option('--stall <seconds>', 'with --watch: stop watching once State and progress have not changed for this long (a hung job)').argParser(seconds('--stall')))
    .addHelpText(
      'after',
      '\nPrints the id alone, terminal or not ({"Id": N} with --json).\n\nExamples:\n  id=$(so-batch start --name ExportJob --param Folder=exports --param Format=csv)\n  so-batch start --name ExportJob --watch --timeout 600',
    )
    .action((options: { name: string; param?: Record<string, string>; description?: string; watch?: boolean; interval: number; timeout?: number; stall?: number }) =>
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
          else io.stdout.write(`${id}\n`);
          return;
        }
        io.stderr.write(`Started task ${id}\n`);
        return watchTask(client, target, id, io, { json: Boolean(flags.json), intervalMs: options.interval, timeoutSeconds: options.timeout, stallSeconds: options.stall, signal });
      }),
    );

  program
    .command('stop')
    .description('Stop a running batch job (StopBatchJob); the task ends as the job decides.')
    .argument('<id>', 'the task id')
    .addHelpText('after', '\nExits 0 when the server stopped it, 5 when the task does not exist, 6 when the server did not stop it (it has ended, or cannot be cancelled).\n\nExamples:\n  so-batch stop 189\n  so-batch stop 189 --json')
    .action((id: string) => {
      const taskId = parseId(id);
      return withClient(async (client, target, flags) => {
        const stopped = unwrap(await client.agents.stopBatchJob(taskId, { signal }), target);
        if (!stopped) throw await whyNotStopped(client, target, taskId, signal);
        if (flags.json) printJson(io, { Id: taskId, Stopped: true });
        else io.stdout.write(`Stopped task ${taskId}\n`);
      });
    });

  program
    .command('delete')
    .description('Delete batch tasks (DeleteBatchTask, or DeleteBatchTasks for several); asks first on a terminal.')
    .argument('<id...>', 'the task ids')
    .option('-y, --yes', 'do not ask (needed when stdin is not a terminal)')
    .addHelpText('after', '\nAnswering no exits 130 with nothing deleted.\n\nExamples:\n  so-batch delete 189\n  so-batch delete 189 190 191 --yes --json')
    .action(async (values: string[], options: { yes?: boolean }) => {
      const ids = [...new Set(values.map(parseId))];
      const what = ids.length === 1 ? `task ${ids[0]}` : `tasks ${ids.join(', ')}`;
      if (!options.yes) {
        const stdin = io.stdin;
        if (!stdin?.isTTY || !io.stderr.isTTY) throw usage(`delete asks before it deletes, and cannot ask here (no terminal): add --yes to delete ${what}.`);
        // terminal: false: the tty's own line editing is enough for y or n, and no raw mode to undo after.
        const prompt = createInterface({ input: stdin, output: io.stderr, terminal: false });
        const answer = await prompt.question(`Delete ${what}? This cannot be undone. [y/N] `, { signal }).catch(() => '');
        prompt.close();
        if (!/^y(es)?$/i.test(answer.trim())) throw new CliFailure(`Nothing deleted.`, EXIT.interrupted, { kind: 'declined' });
      }
      return withClient(async (client, target, flags) => {
        const [first] = ids;
        unwrap(ids.length === 1 ? await client.agents.deleteBatchTask(first!, { signal }) : await client.agents.deleteBatchTasks(ids, { signal }), target);
        if (flags.json) printJson(io, { Deleted: ids });
        else io.stdout.write(`Deleted ${what}\n`);
      });
    });

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
        const task = checkTask(unwrap(await client.updateBatchTask({ Id: taskId, ...changes }, { signal }), target), target);
        if (flags.json) printJson(io, task);
        else printTask(io, task);
      });
    });

  program
    .command('watch')
    .description('Follow a batch task until it ends: a live progress bar, then its state and result.')
    .argument('<id>', 'the task id')
    .addOption(new Option('--interval <ms>', 'time between polls').argParser(parseInterval).default(1000))
    .addOption(new Option('--timeout <seconds>', 'stop watching after this long (the task goes on); each request\'s own limit is the global --request-timeout').argParser(seconds('--timeout')))
    .addOption(new Option('--stall <seconds>', 'stop watching a task whose State and progress have not changed for this long (a hung job; the task goes on)').argParser(seconds('--stall')))
    .addHelpText('after', '\nExits 0 when the task Succeeded, 1 when it Failed, 7 when --timeout or --stall passed. Ctrl-C stops watching; the task goes on.\n\nExamples:\n  so-batch watch 189\n  so-batch watch 189 --timeout 600 --stall 120 2>progress.log')
    .action((id: string, options: { interval: number; timeout?: number; stall?: number }) => {
      const taskId = parseId(id);
      return withClient((client, target, flags) =>
        watchTask(client, target, taskId, io, { json: Boolean(flags.json), intervalMs: options.interval, timeoutSeconds: options.timeout, stallSeconds: options.stall, signal }),
      );
    });

  program
    .command('completion')
    .description('Print a shell completion script for bash, zsh or fish, made from these commands.')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .addHelpText(
      'after',
      '\nInstall (then open a new shell):\n  bash:  so-batch completion bash > ~/.local/share/bash-completion/completions/so-batch\n  zsh:   so-batch completion zsh > "${fpath[1]}/_so-batch"\n  fish:  so-batch completion fish > ~/.config/fish/completions/so-batch.fish',
    )
    .action((shell: Shell) => {
      io.stdout.write(completionScript(program, shell));
    });

  // Before commander has parsed the flags, --json is judged from the words (a usage error may come first).
  const jsonWanted = () => program.opts<GlobalFlags>().json ?? argv.slice(0, argv.includes('--') ? argv.indexOf('--') : undefined).includes('--json');
  const report = (failure: CliFailure): number => {
    if (jsonWanted()) {
      const task = failure instanceof TaskFailedFailure ? { task: failure.task } : {};
      printJson(io, { error: { kind: failure.kind, message: failure.message, ...(failure.status !== undefined ? { status: failure.status } : {}), ...task } });
    } else if (failure instanceof TaskFailedFailure) {
      // Said once, on stdout, where a Succeeded task's result goes.
      io.stdout.write(`Failed${failure.task.Result ? `: ${visible(failure.task.Result)}` : ''}\n`);
    } else {
      io.stderr.write(`so-batch: ${visible(failure.message)}\n`);
    }
    return failure.exitCode;
  };

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok; // --help or --version
      // commander.help: no command given, and commander printed the help on stderr.
      if (error.code === 'commander.help') return EXIT.usage;
      const message = error.message.replace(/^error: /, '').replace(/\n\(Did you mean (.*)\)$/, '; did you mean $1');
      return report(new CliFailure(`${message} (so-batch ${parsing ? `${parsing.name()} ` : ''}--help)`, EXIT.usage));
    }
    // Failures of the server and the network are CliFailures by now: anything else is a bug here.
    if (!(error instanceof CliFailure) && program.opts<GlobalFlags>().verbose) io.stderr.write(`${visible((error as Error)?.stack ?? String(error))}\n`);
    return report(error instanceof CliFailure ? error : internalError(error));
  }
}
