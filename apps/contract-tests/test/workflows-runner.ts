import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Runs the Arazzo workflows of spec/arazzo with `redocly respect` against a server, and reads
// back what it found from its JSON log. Credentials travel only through the child's environment
// (never its arguments, which `ps` shows), as the workflows' `env` inputs, declared
// `format: password` so that respect masks them; this runner masks them again in everything it
// hands back, should respect ever miss one.

const require = createRequire(import.meta.url);
const specDir = dirname(require.resolve('@so-batch/spec/package.json'));
/** The workflows, next to the spec they run. */
export const ARAZZO_PATH = join(specDir, 'arazzo', 'batch-journeys.arazzo.yaml');
/** The name of the spec among the workflows' sourceDescriptions (for --server). */
const SOURCE_NAME = 'batch';
const REDOCLY_CLI = join(dirname(createRequire(join(specDir, 'package.json')).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

/** The workflows that change nothing on the server. */
export const READ_ONLY_WORKFLOWS = ['find-my-running-jobs'] as const;

/** The credentials a workflow run sends, as the header values. */
export interface WorkflowCredentials {
  /** The whole Authorization value: `SOTicket 7T:...`, `Bearer 8A:...` or `Basic base64(user:password)`. */
  authorization?: string | undefined;
  xsrfToken?: string | undefined;
  appToken?: string | undefined;
  /** What the Authorization value is made from: never sent as such, but never to be shown either. */
  ticket?: string | undefined;
  token?: string | undefined;
  password?: string | undefined;
}

export interface WorkflowResult {
  workflowId: string;
  passed: boolean;
  /** For a failed workflow: each failed check of its last attempt at each step, one line each. */
  failures: string[];
}

export interface WorkflowRun {
  exitCode: number | null;
  results: WorkflowResult[];
  /** What respect printed (stdout and stderr), secrets masked, colours stripped. */
  output: string;
  /** Where respect itself let a credential through unmasked (its output or its JSON log): should stay empty. */
  leaks: string[];
  /** Why the run could not be read, when it could not (no JSON log, a timeout). */
  problem: string | undefined;
}

export interface RunOptions {
  /** The installation, such as http://127.0.0.1:4010 or https://online.superoffice.com/Cust12345. */
  serverUrl: string;
  credentials: WorkflowCredentials;
  /** Only these workflows (all of them when absent). */
  workflows?: readonly string[];
  /** Extra respect options, such as ['--verbose']. */
  extraArguments?: readonly string[];
  /** The child is killed past this (it is also respect's own --execution-timeout). */
  timeoutMs: number;
}

const MASK = '********';

/** Every form a secret could take in the output: as is, JSON-escaped, URL-encoded, and inside base64 Basic credentials. */
function secretForms(credentials: WorkflowCredentials): string[] {
  const values = [credentials.authorization, credentials.xsrfToken, credentials.appToken, credentials.ticket, credentials.token, credentials.password].filter(
    (value): value is string => typeof value === 'string' && value.trim().length > 0,
  );
  const forms = new Set<string>();
  for (const value of values) {
    forms.add(value);
    forms.add(JSON.stringify(value).slice(1, -1));
    forms.add(encodeURIComponent(value));
    // The credential part of the header alone (the ticket, token or base64 user:password).
    const credential = /^\S+\s+(\S+)$/.exec(value)?.[1];
    if (credential) forms.add(credential);
  }
  return [...forms].filter((form) => form.length >= 4).sort((a, b) => b.length - a.length);
}

export function maskSecrets(text: string, credentials: WorkflowCredentials): string {
  let masked = text;
  for (const form of secretForms(credentials)) masked = masked.split(form).join(MASK);
  return masked;
}

// eslint-disable-next-line no-control-regex
const stripColours = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

interface RespectCheck {
  name: string;
  passed: boolean;
  message?: string;
  condition?: string;
  severity?: string;
}
interface RespectStep {
  type: 'step';
  stepId: string;
  checks?: RespectCheck[];
  response?: { statusCode?: number };
}
interface RespectWorkflow {
  type: 'workflow';
  workflowId: string;
  status: string;
  executedSteps?: (RespectStep | RespectWorkflow)[];
}

function failuresOf(workflow: RespectWorkflow, prefix = ''): string[] {
  // A retried step is logged once per attempt: only its last attempt counts.
  const lastAttempt = new Map<string, RespectStep>();
  const lines: string[] = [];
  for (const step of workflow.executedSteps ?? []) {
    // A step that runs another workflow is logged as that workflow, with its own steps.
    if (step.type === 'workflow') {
      if (step.status !== 'success') lines.push(...failuresOf(step, `${prefix}${step.workflowId} > `));
    } else {
      lastAttempt.set(step.stepId, step);
    }
  }
  for (const [stepId, step] of lastAttempt) {
    for (const check of step.checks ?? []) {
      if (check.passed || check.severity === 'off' || check.severity === 'warn') continue;
      const what = check.condition ?? check.message ?? '';
      const why = check.message && !check.message.endsWith(what) ? ` (${check.message.replace(/\s+/g, ' ').trim()})` : '';
      lines.push(`${prefix}step ${stepId} (HTTP ${step.response?.statusCode ?? '-'}): ${check.name}: ${what}${why}`);
    }
  }
  return lines;
}

/** Runs respect on the workflows and reads its JSON log. Never rejects for a failed workflow: the result says. */
export async function runWorkflows(options: RunOptions): Promise<WorkflowRun> {
  const work = mkdtempSync(join(tmpdir(), 'so-batch-workflows-'));
  const jsonLog = join(work, 'respect.json');
  const args = [
    REDOCLY_CLI,
    'respect',
    ARAZZO_PATH,
    '--server',
    `${SOURCE_NAME}=${options.serverUrl.replace(/\/+$/, '')}`,
    '--json-output',
    jsonLog,
    '--execution-timeout',
    String(options.timeoutMs),
    ...(options.workflows ?? []).flatMap((workflowId) => ['--workflow', workflowId]),
    ...(options.extraArguments ?? []),
  ];
  // The workflows read these; nothing else of the caller's credentials reaches the child.
  const environment: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  for (const name of ['SO_AUTHORIZATION', 'SO_XSRF_TOKEN', 'SO_APP_TOKEN', 'SO_TICKET', 'SO_TOKEN', 'SO_PASSWORD', 'SO_USER']) delete environment[name];
  const { credentials } = options;
  if (credentials.authorization) environment.SO_AUTHORIZATION = credentials.authorization;
  if (credentials.xsrfToken) environment.SO_XSRF_TOKEN = credentials.xsrfToken;
  if (credentials.appToken) environment.SO_APP_TOKEN = credentials.appToken;
  // Declared in the workflows only to be masked: the raw values the header was built from.
  if (credentials.ticket) environment.SO_TICKET = credentials.ticket;
  if (credentials.token) environment.SO_TOKEN = credentials.token;
  if (credentials.password) environment.SO_PASSWORD = credentials.password;

  try {
    const child = spawn(process.execPath, args, { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    let timedOut = false;
    // respect's own --execution-timeout should end it first; this bounds a hang of the child itself.
    const killer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs + 15_000);
    const exitCode = await new Promise<number | null>((resolveExit, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolveExit(code));
    }).finally(() => clearTimeout(killer));
    const printed = maskSecrets(stripColours(output), credentials);
    let logText = '';
    try {
      logText = readFileSync(jsonLog, 'utf8');
    } catch {
      // Reported below, as an unreadable log.
    }
    const leaks = [
      ...(secretForms(credentials).some((form) => output.includes(form)) ? ['its output'] : []),
      ...(secretForms(credentials).some((form) => logText.includes(form)) ? ['its JSON log'] : []),
    ];

    let log: { files?: Record<string, { executedWorkflows?: RespectWorkflow[] }> };
    try {
      log = JSON.parse(logText);
    } catch (error) {
      const problem = timedOut
        ? `respect did not end within ${options.timeoutMs + 15_000} ms and was killed`
        : `respect wrote no readable JSON log (exit code ${exitCode}): ${(error as Error).message}`;
      return { exitCode, results: [], output: printed, leaks, problem };
    }
    const executed = Object.values(log.files ?? {}).flatMap((file) => file.executedWorkflows ?? []);
    const results = executed.map((workflow) => {
      const passed = workflow.status === 'success';
      return { workflowId: workflow.workflowId, passed, failures: passed ? [] : failuresOf(workflow).map((line) => maskSecrets(line, credentials)) };
    });
    return { exitCode, results, output: printed, leaks, problem: timedOut ? 'respect was killed after its time ran out' : undefined };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A report of a run for a failing test: each failed workflow's checks, then respect's own words. */
export function describeRun(run: WorkflowRun): string {
  const failed = run.results.filter((result) => !result.passed);
  const lines = [
    run.problem ? `problem: ${run.problem}` : undefined,
    ...failed.flatMap((result) => [`workflow ${result.workflowId} failed:`, ...result.failures.map((line) => `  ${line}`)]),
    '--- respect printed (secrets masked) ---',
    // The summary and the failed checks are at its end; the start is each step's progress.
    run.output.split('\n').filter((line) => line.trim() !== '').slice(-80).join('\n'),
  ];
  return lines.filter((line) => line !== undefined).join('\n');
}
