// A sandbox served by a new front keeps its state, while its seed follows the new spec: what the
// dev loop does on each spec save (TaskStore.reseed), here on the store itself.
import { describe, expect, it } from 'vitest';
import { completeTask } from '../src/seed.ts';
import { TaskStore } from '../src/store.ts';

const seedTask = (id: number, name: string) => completeTask({ Id: id, Name: name, State: 'Succeeded' });

describe('reseed: the seed follows the spec, the rest of the store stays', () => {
  const make = () => {
    let now = 0;
    const store = new TaskStore([seedTask(1, 'one'), seedTask(2, 'two'), seedTask(3, 'three'), seedTask(4, 'four')], { runMs: 1000, now: () => now });
    return { store, advance: (ms: number) => (now += ms) };
  };

  it('keeps started jobs running and the next id; untouched seed tasks take the new values', () => {
    const { store, advance } = make();
    const job = store.start({ Name: 'ExportJob' }, 195)!;
    advance(600);
    store.reseed([seedTask(1, 'one, edited'), seedTask(2, 'two'), seedTask(3, 'three'), seedTask(4, 'four')]);
    expect(store.get(1)).toMatchObject({ Name: 'one, edited' });
    expect(store.get(job)).toMatchObject({ State: 'Started', ProgressPercent: 50 });
    advance(500);
    expect(store.get(job)).toMatchObject({ State: 'Succeeded' });
    expect(store.start({ Name: 'ExportJob' }, 195)).toBe(job + 1);
  });

  it('a seed task that was changed or deleted stays as it is; one the spec dropped goes; a new one comes', () => {
    const { store } = make();
    store.update(1, { Description: 'changed here' });
    store.delete(2);
    store.reseed([seedTask(1, 'one, edited'), seedTask(2, 'two, edited'), seedTask(3, 'three'), seedTask(5, 'five')]);
    expect(store.get(1)).toMatchObject({ Name: 'one', Description: 'changed here' });
    expect(store.get(2)).toBeNull();
    expect(store.get(4)).toBeNull();
    expect(store.get(5)).toMatchObject({ Name: 'five' });
    // reset() goes back to the new seed.
    store.reset();
    expect(store.all().map((task) => [task.Id, task.Name])).toEqual([
      [1, 'one, edited'],
      [2, 'two, edited'],
      [3, 'three'],
      [5, 'five'],
    ]);
  });

  it('a new seed task never takes the id of a started job, even a deleted one', () => {
    const { store } = make();
    const job = store.start({ Name: 'ExportJob' }, 195)!;
    const deleted = store.start({ Name: 'ExportJob' }, 195)!;
    store.delete(deleted);
    store.reseed([seedTask(1, 'one'), seedTask(job, 'collides'), seedTask(deleted, 'reuses')]);
    expect(store.get(job)).toMatchObject({ Name: 'ExportJob' });
    expect(store.get(deleted)).toBeNull();
  });
});
