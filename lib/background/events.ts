/**
 * The browser events the background acts on besides messages, as the front hands them to the
 * services (front.ts): a stopped worker is woken only for listeners registered in its first turn,
 * which are the front's, so the services never register their own and are told instead.
 */

/** Each event and what comes with it. */
export type WorkerEvents = {
  alarm: [alarm: { name: string }];
  notificationClicked: [notificationId: string];
  tabRemoved: [tabId: number];
  permissionsChanged: [];
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
  const listeners = new Map<WorkerEvent, ((...args: never[]) => void)[]>();
  return {
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener as (...args: never[]) => void]);
    },
    emit(event, ...args) {
      for (const listener of listeners.get(event) ?? []) {
        try {
          (listener as (...a: typeof args) => void)(...args);
        } catch (error) {
          report(error);
        }
      }
    },
  };
}
