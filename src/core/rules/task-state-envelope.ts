import type { Rule } from './types.ts';

export const taskStateEnvelope: Rule = {
  name: 'task-state-envelope',
  description: 'task_id_field and unlisted_task_states are set only for a vendor with task-state entries.',
  scope: 'vendor',
  check({ vendor: { data } }, report) {
    if (data.entries.some((e) => e.kind === 'task-state')) return;
    if (data.envelope.task_id_field !== undefined) report(['envelope', 'task_id_field'], 'task_id_field is only for vendors with task-state entries', 'key');
    if (data.envelope.unlisted_task_states.length > 0)
      report(['envelope', 'unlisted_task_states'], 'unlisted_task_states is only for vendors with task-state entries', 'key');
  },
};
