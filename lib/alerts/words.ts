/**
 * An alert's message in the user's language: the pure decisions say what to tell as a key and its
 * arguments (messages.ts); this turns that into text with the catalogue (lib/i18n), numbers
 * formatted for the locale, names and order numbers as CertCentral writes them.
 */
import { t, tn } from '../i18n';
import { formatNumber } from '../i18n/format';
import type { AlertArg, AlertText } from './messages';

const argText = (arg: AlertArg): string => ('text' in arg ? arg.text : formatNumber(arg.number));

export function alertWords(message: AlertText): string {
  const args = message.args.map(argText);
  return 'key' in message ? t(message.key, args) : tn(message.count, message.one, message.other, args);
}
