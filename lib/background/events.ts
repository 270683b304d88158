/**
 * The browser events the background acts on besides messages that must wake a stopped worker, as
 * the front hands them to the services (front.ts): a stopped worker is woken only for listeners
 * registered in its first turn, which are the front's. An alarm or a click on a notification is
 * lost unless it wakes the worker. Events whose loss while stopped is made up at the next start
 * (a closed tab, a changed permission) are not here: the services listen for those themselves while
 * they run, which keeps them out of the front's first turn, where each API the front touches costs
 * time before the first answer (`npm run bench`).
 */

/** Each event and what comes with it. */
export type WorkerEvents = {
  alarm: [alarm: { name: string }];
  notificationClicked: [notificationId: string];
};
export type WorkerEvent = keyof WorkerEvents;

export type WorkerEventHub = {
  on<E extends WorkerEvent>(event: E, listener: (...args: WorkerEvents[E]) => void): void;
  emit<E extends WorkerEvent>(event: E, ...args: WorkerEvents[E]): void;
};

/**
 * Listeners by event, called in the order they were added. One that throws does not keep the
 * others from running (as with the browser's own events); its error is reported.
 */
export function createWorkerEvents(report: (error: unknown) => void = console.error): WorkerEventHub {
  type Listener = (...args: unknown[]) => void;
  const listeners = new Map<WorkerEvent, Listener[]>();
  return {
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener as unknown as Listener]);
    },
    emit(event, ...args) {
      for (const listener of listeners.get(event) ?? []) {
        try {
          listener(...args);
        } catch (error) {
          report(error);
        }
      }
    },
  };
}
