import type { FixtureTask } from '@so-batch/mock';
import { REAL_STATES } from './model.ts';

// The tasks the model-based run loads into the mock (startMock({ tasks })): more than one archive
// page (50 rows), so that GetAll's odata.nextLink is followed; every state, several owners and
// system tasks; names that differ only in case (the list calls compare names case-insensitively),
// a name with a quote (OData's '' escape), one that is a prefix of another (whole names only);
// tasks that cannot be cancelled, and some without a Description.

const NAMES = ['ExportJob', 'EXPORTJOB', 'ImportJob', 'MailMergeJob', 'ReindexJob', "O'Brien export", 'Export', 'Nightly cleanup'];
const OWNERS = [195, 497, 840, 12];

export const MODEL_FIXTURES: readonly FixtureTask[] = Array.from({ length: 64 }, (_, i): FixtureTask => {
  const system = i % 9 === 0;
  const day = String((i % 28) + 1).padStart(2, '0');
  return {
    Id: 100 + 7 * i,
    Name: NAMES[i % NAMES.length]!,
    State: REAL_STATES[i % REAL_STATES.length]!,
    IsSystemTask: system,
    AssociateId: system ? 0 : OWNERS[i % OWNERS.length]!,
    CancellationBehaviour: i % 5 === 0 ? 'CannotCancel' : 'CanCancel',
    Description: i % 3 === 0 ? null : `Fixture task ${i}`,
    Created: `2026-10-${day}T08:00:00Z`,
    LastStarted: `2026-10-${day}T08:00:05Z`,
  };
});
