import type { Rule } from './types.ts';

export const taskOutcome: Rule = {
  name: 'task-outcome',
  description: 'A task-state entry has task_outcome; no other kind has one.',
  scope: 'entry',
  check({ entry, at }, report) {
    if (entry.kind === 'task-state' && !entry.task_outcome) report(at('kind'), 'a task-state entry needs task_outcome (pending, success or failure)');
    if (entry.kind !== 'task-state' && entry.task_outcome) report(at('task_outcome'), `task_outcome is only for task-state entries, not ${entry.kind}`, 'key');
  },
};
