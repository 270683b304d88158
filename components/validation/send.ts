import { sendToBackground, type UserError } from '@/lib/messaging';
import type { KnownDcvMethod } from '@/lib/validation/methods';
import type { ValidationView } from '@/lib/validation/schemas';

export type Reply = { ok: true; value: ValidationView } | { ok: false; error: UserError };

/** The messages the panel sends; the pages pass sendToBackground, the tests a fake. */
export type ValidationSend = {
  getValidation(orderId: number, refresh: boolean): Promise<Reply>;
  checkDcv(orderId: number): Promise<Reply>;
  newDcvToken(orderId: number): Promise<Reply>;
  changeDcvMethod(orderId: number, method: KnownDcvMethod): Promise<Reply>;
  resendDcvEmails(orderId: number): Promise<Reply>;
};

export const backgroundSend: ValidationSend = {
  getValidation: (orderId, refresh) => sendToBackground('getValidation', { orderId, refresh }),
  checkDcv: (orderId) => sendToBackground('checkDcv', { orderId }),
  newDcvToken: (orderId) => sendToBackground('newDcvToken', { orderId }),
  changeDcvMethod: (orderId, method) => sendToBackground('changeDcvMethod', { orderId, method }),
  resendDcvEmails: (orderId) => sendToBackground('resendDcvEmails', { orderId }),
};
