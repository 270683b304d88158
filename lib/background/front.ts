/**
 * The background is two scripts. The front (the worker's own script, entrypoints/background.ts) is
 * small: it registers, in the worker's first turn, every listener for an event that must wake a
 * stopped worker, as Chrome requires for it to be woken (events.ts), and answers the pages' first
 * question (getSettings) itself. The services (entrypoints/background-services.ts: the outbox,
 * alerts, validation, renewals, the API client) are a second script, run the first time anything
 * else needs them and, at every start, once the first answers are out (lib/start-up.ts).
 *
 * Why: evaluating the whole background at every worker start made a page wait about three times
 * as long as a blank worker takes to answer (`npm run bench`), and a service worker cannot load
 * code later with import(). It can with importScripts(): a script imported while the worker
 * installs is kept with the worker, and importing it again later runs that copy (the Service
 * Workers spec, "importScripts" of an installed script; docs/architecture.md). So the front
 * imports the services once at install, and then only when needed.
 *
 * In Firefox the background is a page, not a worker: there the manifest lists the services before
 * the front (wxt.config.ts), so they are loaded already when the front starts.
 */
import type { Sender } from '../messaging';
import type { Answer } from '../messaging/receive';
import type { WorkerEvent, WorkerEvents } from './events';

/** The services' script, at the root of the package. */
export const SERVICES_SCRIPT = '/background-services.js';
/** Where the services script leaves what the front calls. */
export const SERVICES_GLOBAL = 'certcentralCompanionServices';

/** What the services offer the front. */
export type Services = {
  /** The answer to a message, or undefined when it is not one the services handle. */
  answer(message: unknown, sender: Sender): Promise<Answer> | undefined;
  /** Tells the services of a browser event. */
  emit<E extends WorkerEvent>(event: E, ...args: WorkerEvents[E]): void;
};

type Scope = { importScripts?: (url: string) => void } & Record<string, unknown>;

/**
 * A function giving the services, running their script the first time (importScripts runs a
 * script again at every call, so it is called at most once). Throws, in words, when the script
 * did not leave them where expected.
 */
export function servicesLoader(scope: Scope, url: string = SERVICES_SCRIPT): () => Services {
  return () => {
    if (scope[SERVICES_GLOBAL] === undefined) scope.importScripts?.(url);
    const services = scope[SERVICES_GLOBAL] as Services | undefined;
    if (services === undefined) throw new Error(`The background's services did not load from ${url}.`);
    return services;
  };
}

/** True for a message of the protocol's shape (`{ type, timestamp }`, as @webext-core/messaging sends). */
export function isProtocolMessage(
  message: unknown,
): message is { type: string; timestamp: number; data?: unknown } {
  if (message === null || typeof message !== 'object') return false;
  const { type, timestamp } = message as { type?: unknown; timestamp?: unknown };
  return typeof type === 'string' && typeof timestamp === 'number';
}

/**
 * Asks the services for what the front could not answer itself: the reply, or the Error the page
 * would have been given (a refusal included).
 */
export async function askServices(
  services: () => Services,
  type: string,
  data: unknown,
  sender: Sender,
): Promise<unknown> {
  const answer = services().answer({ type, data, timestamp: Date.now() }, sender);
  if (answer === undefined) throw new Error(`The background's services do not answer "${type}".`);
  const settled = await answer;
  if ('err' in settled) {
    const error = new Error(settled.err.message);
    error.name = settled.err.name;
    throw error;
  }
  return settled.res;
}
