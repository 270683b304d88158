/**
 * What the background does at every start besides listening (resuming the outbox, checking its
 * alarms, moving old storage), held back until the messages that woke it are answered.
 *
 * A page that wakes a stopped worker waits for its answer: start-up work run beside the handler
 * shares the worker's thread and the extension's storage with it (the outbox's reads and writes go
 * to the same database as the settings), and made the first answer wait for all of it
 * (`npm run bench`). So the work starts `quietMs` after an answer when no message is being answered
 * then, or after `graceMs` when the worker was started by something else (an alarm, an install) and
 * no message came; and after `latestMs` in any case, so a long answer (an order sent to CertCentral)
 * or a stream of them never keeps it from running. It runs at every start, exactly once, in a timer
 * task of its own.
 *
 * Why the quiet time: the page that woke the worker draws its first screen with the answer. Work
 * started in the task right after the answer (the front loads the services there: about 240 KB of
 * script to compile and run) still made that page wait longer for it: 1.1 to 1.4 ms in paired runs
 * of the bench's worker start, both builds loaded side by side in one browser, against 11 ms for a
 * blank worker. 50 ms later nothing of it showed; outbox and alarms lose nothing by waiting that long.
 */
export type StartUp = {
  /** Called with each message's answer as the handler starts it. */
  answering(answer: Promise<unknown>): void;
  /** Runs `work` when start-up work may run (at once if it may already). */
  run(work: () => void): void;
};

export function createStartUp(
  { graceMs = 100, latestMs = 1000, quietMs = 50 } = {},
  setTimer: (run: () => void, ms: number) => unknown = setTimeout,
): StartUp {
  let open = false;
  let asked = false;
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const release = (always = false) => {
    if (open || (inFlight > 0 && !always)) return;
    open = true;
    for (const work of waiting.splice(0)) work();
  };
  setTimer(() => {
    if (!asked) release();
  }, graceMs);
  setTimer(() => release(true), latestMs);
  return {
    answering(answer) {
      asked = true;
      inFlight++;
      const settled = () => {
        inFlight--;
        setTimer(() => release(), quietMs);
      };
      answer.then(settled, settled);
    },
    run(work) {
      if (open) work();
      else waiting.push(work);
    },
  };
}
