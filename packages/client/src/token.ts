// A Bearer token function, asked on every request so that it can refresh: loaded by the first
// call of a client that has one.
import { remember, type CoreState } from './core.ts';
import { headerValueProblem } from './options.ts';

/** A Bearer token function threw or returned something unusable: failures.ts makes it a BatchCredentialsError. */
export class TokenProblem {
  readonly cause: unknown;
  readonly problem: string | undefined;
  constructor(cause: unknown, problem?: string) {
    this.cause = cause;
    this.problem = problem;
  }
}

/** Asks the Bearer token function (on every request, so that it can refresh). */
export async function freshToken(state: CoreState): Promise<string> {
  let value: unknown;
  try {
    value = await state.token!();
  } catch (cause) {
    throw new TokenProblem(cause);
  }
  const problem = headerValueProblem(value);
  if (problem) throw new TokenProblem(undefined, problem);
  remember(state, value as string);
  return `Bearer ${value as string}`;
}

