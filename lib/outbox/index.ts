// The submission engine's public surface: the background wires it to alarms, notifications and
// messages; the pages read entries and status words through messages, never this module directly.
export { certificateFilename, DEFAULT_CANCEL_NOTE } from './actions';
export { createSubmissionEngine, type SubmissionEngine } from './engine';
export {
  type Duplicate,
  ENTRY_VERSION,
  isFinished,
  type MigrationResult,
  migrateEntry,
  type OutboxEntry,
  OutboxEntrySchema,
  SUBMISSION_STATES,
  type SubmissionState,
} from './entry';
export { apply, type MachineEvent, TransitionError } from './machine';
export {
  CANCELABLE_ORDER_STATUSES,
  describeOrderStatus,
  describeStatus,
  FINAL_ORDER_STATUSES,
  needsAttention,
  type StatusView,
  type StatusWord,
} from './status';
export { HISTORY_LIMIT, type SetAside } from './store';
export { DEFAULT_MAX_TRIES, FIRST_CHECK_MS, FOLLOW_UP_LIMIT_MS, followUpDelayMs } from './timing';
export type * from './types';
