/**
 * What to do next, as data: the action a client takes on an entry, the retry policy that comes with
 * it, and the likely causes. Shared by the data schema (schema.ts) and the artifact (artifact.ts).
 */
import { z } from 'zod';

/**
 * The next step, one of exactly these. Order matters only for display (guides and tables list them so).
 * - none: success, nothing to do
 * - poll: the async task is still running; ask for its state again
 * - retry: transient; send the same request again after a short backoff
 * - wait: send again only after a long, known wait (a quota window, an hours-long interval)
 * - recreate-task: the async task failed or expired; create a new task (the same input can succeed)
 * - refresh-credentials: get a new token or signature, then send again
 * - fix-request: the integrator must change the request, the code or the configuration
 * - fix-input: the end user must provide something different (another photo, file, text, password)
 * - fix-account: the account owner must act (top up, subscribe, enable, grant)
 * - contact-vendor: only the vendor can resolve it
 */
export const ACTIONS = [
  'none',
  'poll',
  'retry',
  'wait',
  'recreate-task',
  'refresh-credentials',
  'fix-request',
  'fix-input',
  'fix-account',
  'contact-vendor',
] as const;
export type Action = (typeof ACTIONS)[number];

export const action = z.enum(ACTIONS).meta({
  id: 'action',
  title: 'Action',
  description:
    "The next step: 'none' (success), 'poll' (task still running), 'retry' (transient: send the same request again after a short backoff), 'wait' (send again only after a long, known wait), 'recreate-task' (the task failed or expired: create a new one), 'refresh-credentials' (new token or signature, then send again), 'fix-request' (the integrator changes the request, code or configuration), 'fix-input' (the end user provides something different), 'fix-account' (the account owner acts: top up, subscribe, enable, grant), 'contact-vendor' (only the vendor can resolve it).",
});

/** Actions that send again after a delay: they need a retry policy. */
export const DELAYED_ACTIONS: ReadonlySet<Action> = new Set(['poll', 'retry', 'wait']);
/** Actions under which the same request (or the same task's creation) can succeed later: `retryable: true` exactly for these. */
export const RETRYABLE_ACTIONS: ReadonlySet<Action> = new Set(['poll', 'retry', 'wait', 'recreate-task']);
/** A `wait` is at least this long before the next attempt. */
export const MIN_WAIT_S = 60;

const seconds = (what: string) =>
  z
    .number()
    .positive(`${what} must be more than 0 seconds`)
    .max(7 * 24 * 3600, `${what} must be at most a week (604800 s)`);

/** The policy's fields; `retryPolicy` adds its cross-field check. */
export const retryPolicyFields = z
  .strictObject({
    max_attempts: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(1000, 'must be at most 1000')
      .meta({ description: 'How many calls in all, the first one included, before giving up on this action.' }),
    base_delay_s: seconds('base_delay_s').meta({ description: 'The delay before the second call, in seconds; each later delay doubles, up to max_delay_s.' }),
    max_delay_s: seconds('max_delay_s').meta({ description: 'The longest delay between two calls, in seconds.' }),
    honour_retry_after: z
      .boolean()
      .meta({ description: 'Whether a Retry-After header (seconds or an HTTP date), when present, replaces the computed delay exactly (no jitter, no cap).' }),
    source: z
      .enum(['vendor', 'ours'])
      .meta({ description: "'vendor' where the vendor states the schedule; 'ours' where we chose it." }),
    reason: z
      .strictObject({ en: z.string().trim().min(1, 'must not be empty'), zh: z.string().trim().min(1, 'must not be empty') })
      .optional()
      .meta({ description: 'Why this schedule, in words (required for a wait): the vendor\'s statement, or the window the wait covers.' }),
  });
export const retryPolicy = retryPolicyFields
  .refine((p) => p.max_delay_s >= p.base_delay_s, { message: 'max_delay_s must not be less than base_delay_s', path: ['max_delay_s'] })
  .meta({
    id: 'retry_policy',
    title: 'Retry policy',
    description:
      'When and how often to send again. Delay before call n+1 (n counts from 1): min(max_delay_s, base_delay_s × 2^(n−1)), with jitter (a random value between half of it and all of it); a Retry-After header replaces it where honour_retry_after is true.',
  });
export type RetryPolicy = z.output<typeof retryPolicy>;

export const possibleCause = z
  .strictObject({
    en: z.string().trim().min(1, 'must not be empty'),
    zh: z.string().trim().min(1, 'must not be empty'),
    source: z
      .enum(['vendor', 'ours'])
      .meta({ description: "'vendor' where the vendor's documentation names this cause; 'ours' where it is our inference." }),
  })
  .meta({ id: 'possible_cause', title: 'Possible cause', description: 'A likely cause, in both languages, with who says so.' });
export type PossibleCause = z.output<typeof possibleCause>;

export const possibleCauses = z
  .array(possibleCause)
  .min(1, 'must list at least one cause (or leave possible_causes out)')
  .max(4, 'must list at most 4 causes: the likely ones')
  .meta({ description: 'One to four likely causes, distinct from the meaning.' });
