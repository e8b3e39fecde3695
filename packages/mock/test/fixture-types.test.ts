import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../src/generated/schema.gen.ts';
import type { BatchTaskInfo, FixtureTask, JobBehaviour, MockOptions } from '../src/index.ts';
import type { components as control } from '../src/generated/control.gen.ts';

// Compile-time checks (tsc, `pnpm --filter @so-batch/mock typecheck`): a fixture of
// startMock({ tasks }) is the spec's generated BatchTaskInfo, so a typo or a wrong value is
// caught where it is written, before the run-time check (a FixtureError) sees it.

type Tasks = NonNullable<MockOptions['tasks']>;

describe('startMock({ tasks }) takes the generated task type', () => {
  it('tasks are FixtureTasks: the generated BatchTaskInfo, partial but for Id, Name and State', () => {
    expectTypeOf<Tasks>().toEqualTypeOf<readonly FixtureTask[]>();
    expectTypeOf<BatchTaskInfo>().toEqualTypeOf<components['schemas']['BatchTaskInfo']>();
    expectTypeOf<FixtureTask['Id']>().toEqualTypeOf<number>();
    expectTypeOf<FixtureTask['Name']>().toEqualTypeOf<string | null>();
    expectTypeOf<FixtureTask['State']>().toEqualTypeOf<'Unknown' | 'New' | 'Aquired' | 'Started' | 'Succeeded' | 'Failed' | 'SucceededManualCleanup'>();
    // Every other property is the spec's, optional: the defaults fill it in.
    expectTypeOf<FixtureTask['ProgressPercent']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<FixtureTask['CancellationBehaviour']>().toEqualTypeOf<components['schemas']['BatchTaskCancellationBehaviour'] | null | undefined>();
  });

  it('a task with only Id, Name and State is enough; any other spec property may be given', () => {
    const minimal = [{ Id: 1, Name: 'Export', State: 'New' }] as const satisfies Tasks;
    const fuller: Tasks = [{ Id: 2, Name: 'Import', State: 'Failed', ProgressPercent: 40, Result: 'Timed out', IsSystemTask: true, ParameterObject: { file: 'a.csv' } }];
    expectTypeOf(minimal).toExtend<Tasks>();
    expectTypeOf(fuller).toExtend<Tasks>();
  });

  it('a task without Id, with a wrong State or with an unknown property does not compile', () => {
    const tasks: Tasks[] = [
      // @ts-expect-error Id is required
      [{ Name: 'No id', State: 'New' }],
      // @ts-expect-error Id is never null
      [{ Id: null, Name: 'Null id', State: 'New' }],
      // @ts-expect-error State is one of BatchTaskState's values
      [{ Id: 1, Name: 'Typo', State: 'Done' }],
      // @ts-expect-error 'All' is a filter of the list calls, not a state a task can be in
      [{ Id: 1, Name: 'All', State: 'All' }],
      // @ts-expect-error State is required
      [{ Id: 1, Name: 'No state' }],
      // @ts-expect-error the spec's BatchTaskInfo has no such property
      [{ Id: 1, Name: 'Typo', State: 'New', Progress: 40 }],
      // @ts-expect-error a property has the spec's type
      [{ Id: 1, Name: 'Wrong type', State: 'New', ProgressPercent: 'half' }],
    ];
    expectTypeOf(tasks).toExtend<Tasks[]>();
  });
});

describe('startMock({ jobs }) and MOCK_JOBS take the control document\'s JobBehaviour', () => {
  it('jobs are the generated JobBehaviour, by name', () => {
    expectTypeOf<NonNullable<MockOptions['jobs']>>().toEqualTypeOf<Readonly<Record<string, JobBehaviour>>>();
    expectTypeOf<JobBehaviour>().toEqualTypeOf<control['schemas']['JobBehaviour']>();
  });

  it('an unknown field or a wrong type does not compile', () => {
    const good: NonNullable<MockOptions['jobs']> = { Export: { runMs: 100, failAtPercent: 40 } };
    // @ts-expect-error JobBehaviour has no such field
    const unknownField: NonNullable<MockOptions['jobs']> = { Export: { runsFor: 100 } };
    // @ts-expect-error runMs is a number
    const wrongType: NonNullable<MockOptions['jobs']> = { Export: { runMs: '100' } };
    expectTypeOf([good, unknownField, wrongType]).toExtend<NonNullable<MockOptions['jobs']>[]>();
  });
});
