/**
 * The result every background operation gives the pages: a value, or a failure said in words a
 * certificate administrator can act on (what happened, and the detail or next step). The failure's
 * schema is in lib/messaging/views.ts, where replies are parsed; its type is the one used everywhere.
 */
import type { UserError } from './messaging/views';

export type { UserError };

export type Reply<T> = { ok: true; value: T } | { ok: false; error: UserError };
