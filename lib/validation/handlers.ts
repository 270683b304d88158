/** The background's answers to the history panel's validation messages (components/validation). */
import { handleMessage } from '../messaging/receive';
import type { Reply } from '../reply';
import { openTransport, type SettingsDeps } from '../settings/service';
import {
  changeMethod,
  checkDcvNow,
  newToken,
  refreshValidation,
  resendEmails,
  type ValidationDeps,
  type ValidationResult,
} from './actions';
import { type ValidationAction, validationError } from './errors';
import type { KnownDcvMethod } from './methods';
import type { ValidationView } from './schemas';
import { readSnapshot, type ValidationSnapshot } from './snapshot';

/** What changed that the follow-up would tell: a domain's or the order's status. */
export function statusChanged(
  before: ValidationSnapshot | undefined,
  after: ValidationSnapshot | undefined,
): boolean {
  if (!before || !after) return false;
  if (before.orderStatus !== after.orderStatus) return true;
  const was = new Map(before.domains.map((d) => [d.name, d.validated]));
  return after.domains.some((d) => was.get(d.name) !== d.validated);
}

export interface ValidationHandlerDeps extends SettingsDeps {
  /**
   * An action changed what the order waits on: the background runs the outbox's follow-up then, so
   * its notices come now rather than at the next scheduled check.
   */
  onStatusChanged?: (orderId: number) => void;
  /** A state read from CertCentral was stored (the badge counts domains still to validate). */
  onStored?: () => void;
}

export function registerValidationHandlers(deps: ValidationHandlerDeps): void {
  async function act(
    action: ValidationAction,
    orderId: number,
    run: (d: ValidationDeps) => Promise<ValidationResult>,
  ): Promise<Reply<ValidationView>> {
    const t = await openTransport(deps);
    if (!t.ok) return t;
    const before = await readSnapshot(orderId);
    let result: ValidationResult;
    try {
      result = await run({ transport: t.value, now: deps.now, readEmails: true });
    } catch (error) {
      return { ok: false, error: validationError(action, error) };
    }
    if (result.snapshot) deps.onStored?.();
    if (statusChanged(before, result.snapshot)) deps.onStatusChanged?.(orderId);
    return {
      ok: true,
      value: {
        snapshot: result.snapshot ?? null,
        outcome: result.outcome,
        ...(result.readError !== undefined ? { readError: validationError('read', result.readError) } : {}),
      },
    };
  }

  handleMessage('getValidation', async ({ orderId, refresh }) => {
    const stored = (await readSnapshot(orderId)) ?? null;
    if (!refresh) return { ok: true, value: { snapshot: stored, outcome: { kind: 'read' } } };
    const t = await openTransport(deps);
    // The stored state stays visible (with its date) when it cannot be read again.
    if (!t.ok)
      return { ok: true, value: { snapshot: stored, outcome: { kind: 'read' }, readError: t.error } };
    try {
      const snapshot = await refreshValidation(
        { transport: t.value, now: deps.now, readEmails: true },
        orderId,
      );
      deps.onStored?.();
      if (statusChanged(stored ?? undefined, snapshot)) deps.onStatusChanged?.(orderId);
      return { ok: true, value: { snapshot, outcome: { kind: 'read' } } };
    } catch (error) {
      return {
        ok: true,
        value: { snapshot: stored, outcome: { kind: 'read' }, readError: validationError('read', error) },
      };
    }
  });
  handleMessage('checkDcv', ({ orderId }) => act('check', orderId, (d) => checkDcvNow(d, orderId)));
  handleMessage('newDcvToken', ({ orderId }) => act('token', orderId, (d) => newToken(d, orderId)));
  handleMessage('changeDcvMethod', ({ orderId, method }) =>
    act('method', orderId, (d) => changeMethod(d, orderId, method as KnownDcvMethod)),
  );
  handleMessage('resendDcvEmails', ({ orderId }) => act('resend', orderId, (d) => resendEmails(d, orderId)));
}
