/**
 * The submission engine: the one place an order is placed. It owns the outbox on disk,
 * drives each entry through the state machine one step at a time, and is woken by the caller at
 * every worker start (`resume`) and by alarms (`runDue`).
 */
import { defaultSleep } from '../certcentral/rate-limit';
import { t } from '../i18n';
import { type ProductNameId, validateOrderRequest } from '../order';
import { cancelPlaced, downloadIssued, refusal } from './actions';
import { createContext } from './context';
import { isDue, wakeTime } from './due';
import { newEntry, type OutboxEntry } from './entry';
import { followUpStep } from './follow-up';
import { reconcileStep, sendStep, unknownStep, type Wait } from './send';
import { KeyedSerial } from './serial';
import { needsAttention } from './status';
import * as store from './store';
import { DEFAULT_MAX_TRIES, MAX_IN_PROCESS_WAIT_MS, msUntil } from './timing';
import type {
  CertificateFile,
  DownloadFormat,
  Reply,
  SubmissionEngineDeps,
  SubmitInput,
  SubmitResult,
} from './types';

export type SubmissionEngine = ReturnType<typeof createSubmissionEngine>;

export function createSubmissionEngine(deps: SubmissionEngineDeps) {
  const ctx = createContext(deps);
  const sleep = deps.sleep ?? defaultSleep;
  const maxTries = deps.maxTries ?? DEFAULT_MAX_TRIES;
  const log = deps.log ?? ((message: string, error: unknown) => console.error(message, error));
  const serial = new KeyedSerial();
  const driving = new Map<string, Promise<void>>();
  const wanted = new Set<string>();

  /** One step for one entry, from what is on disk; returns how long until its next step. */
  async function step(id: string): Promise<Wait> {
    const entry = await store.loadEntry(id, deps.now());
    if (!entry) return undefined;
    switch (entry.state) {
      case 'queued': {
        const wait = msUntil(entry.nextAttemptAt, deps.now());
        return wait > 0 ? wait : sendStep(ctx, entry);
      }
      case 'sending':
        // Under the lock, so no POST of this engine is in flight: the worker stopped during one.
        await ctx.save(entry, { type: 'interrupted' });
        return 0;
      case 'unknown':
        return unknownStep(ctx, entry);
      case 'reconciling':
        return reconcileStep(ctx, entry);
      case 'placed':
        await followUpStep(ctx, entry);
        return undefined;
      case 'failed':
        return undefined;
    }
  }

  /** Drives one entry until it has to wait longer than a worker may stay alive; joins a running drive. */
  function process(id: string): Promise<void> {
    wanted.add(id);
    const running = driving.get(id);
    if (running) return running;
    const drive = (async () => {
      try {
        // A caller joining a drive that is about to end sets `wanted` again: it runs once more.
        while (wanted.delete(id)) {
          for (;;) {
            const wait = await serial.run(id, () => step(id));
            if (wait === undefined || wait > MAX_IN_PROCESS_WAIT_MS) break;
            if (wait > 0) await sleep(wait);
          }
        }
      } catch (err) {
        log(`Submission ${id} stopped on an unexpected error; it is picked up again on the next alarm.`, err);
      } finally {
        driving.delete(id);
      }
    })();
    driving.set(id, drive);
    return drive;
  }

  async function reschedule(): Promise<void> {
    const now = deps.now();
    const times = (await store.listEntries(now)).entries
      .map((e) => wakeTime(e, now))
      .filter((t): t is number => t !== undefined);
    if (times.length > 0) deps.schedule(new Date(Math.max(Math.min(...times), now.getTime())));
  }

  async function runDue(): Promise<void> {
    const now = deps.now();
    const { entries } = await store.listEntries(now);
    await Promise.all(entries.filter((e) => isDue(e, now)).map((e) => process(e.id)));
    await reschedule();
  }

  async function get(id: string): Promise<OutboxEntry | undefined> {
    return store.loadEntry(id, deps.now());
  }

  async function underLock<T>(id: string, work: (entry: OutboxEntry | undefined) => Promise<T>): Promise<T> {
    return serial.run(id, async () => work(await get(id)));
  }

  /** Validates, persists a `queued` entry with a fresh alternative_order_id, then starts sending. */
  async function submitNew(input: SubmitInput): Promise<SubmitResult> {
    const id = deps.uuid();
    const now = deps.now();
    const { alternative_order_id: _replaced, credit_card: inlineCard, ...rest } = input.request;
    const card = input.card ?? (isRecord(inlineCard) ? inlineCard : undefined);
    // The id is in the body before validation and before anything is sent.
    const body = { ...rest, alternative_order_id: id, ...(card ? { credit_card: card } : {}) };
    const result = validateOrderRequest(body, {
      product: input.product as ProductNameId,
      today: now,
      ...(input.renewal !== undefined ? { renewal: input.renewal } : {}),
    });
    if (!result.ok) return { ok: false, problems: result.problems, warnings: result.warnings };
    const { credit_card: validCard, ...request } = result.request as Record<string, unknown>;
    const entry = await store.saveEntry(
      newEntry({
        id,
        product: input.product,
        request,
        ...(input.template ? { template: input.template } : {}),
        ...(input.draftId ? { draftId: input.draftId } : {}),
        commonName: result.request.certificate.common_name,
        allowedAttempts: maxTries,
        now,
      }),
    );
    if (isRecord(validCard)) ctx.cards.set(id, validCard);
    if (input.renewedOrderReadAt) ctx.renewedOrderReads.set(id, input.renewedOrderReadAt.getTime());
    deps.onChange?.();
    await store.pruneHistory(now);
    const processing = process(id).then(reschedule);
    return { ok: true, entry, warnings: result.warnings, processing };
  }

  return {
    /**
     * A new order, or, for a draft that already has a live submission (placed from another popup, or
     * a stale button clicked again), that submission: checked and saved under one lock per draft, so
     * two clicks at the same moment cannot both pass the check.
     */
    async submit(input: SubmitInput): Promise<SubmitResult> {
      const { draftId } = input;
      if (draftId === undefined) return submitNew(input);
      return serial.run(`draft:${draftId}`, async () => {
        const { entries } = await store.listEntries(deps.now());
        // A refused draft (failed: CertCentral has no order) may be corrected and sent again.
        const earlier = entries.find((e) => e.draftId === draftId && e.state !== 'failed');
        if (!earlier) return submitNew(input);
        return { ok: true, entry: earlier, warnings: [], processing: Promise.resolve(), alreadySent: true };
      });
    },

    /** At every worker start: sending → unknown → lookup; reconciling again; due queued/unknown/follow-ups. */
    resume: runDue,
    /** What the alarm calls. */
    runDue,

    /** The UI's refresh button: a status check for every placed order still followed, now. */
    async checkNow(): Promise<void> {
      const { entries } = await store.listEntries(deps.now());
      const followed = entries.filter((e) => e.state === 'placed' && e.finishedAt === undefined);
      await Promise.all(
        followed.map((e) => underLock(e.id, async (fresh) => fresh && followUpStep(ctx, fresh, true))),
      );
      await runDue();
    },

    /** A person asks again about an `unknown` submission: look it up now; none → one more POST. */
    async checkAgain(id: string): Promise<Reply<OutboxEntry>> {
      const started = await underLock(id, async (entry) => {
        if (!entry)
          return refusal(t('history_error_not_found'), t('history_error_not_found_detail'), 'not_found');
        if (entry.state !== 'unknown') {
          return refusal(
            t('history_error_nothing_to_check'),
            t('history_error_nothing_to_check_detail'),
            'not_unknown',
          );
        }
        await ctx.save(entry, { type: 'check-again' });
        return { ok: true as const };
      });
      if (!started.ok) return started;
      await process(id);
      await reschedule();
      const after = await get(id);
      return after
        ? { ok: true, value: after }
        : refusal(t('history_error_not_found'), t('history_error_disappeared'), 'not_found');
    },

    async cancel(id: string, note?: string): Promise<Reply<OutboxEntry>> {
      const reply = await underLock(id, (entry) => cancelPlaced(ctx, entry, note));
      if (reply.ok) await reschedule();
      return reply;
    },

    async download(id: string, format: DownloadFormat): Promise<Reply<CertificateFile>> {
      return downloadIssued(ctx, await get(id), format);
    },

    async list(): Promise<OutboxEntry[]> {
      return (await store.listEntries(deps.now())).entries;
    },
    get,
    /** Records that could not be read (damaged or another version), kept aside with the reason. */
    setAside: store.listSetAside,
    exportHistory: () => store.exportHistory(deps.now()),
    /** The badge: entries that need a person, plus records set aside (an order could hide in one). */
    async needsAttentionCount(): Promise<number> {
      const { entries } = await store.listEntries(deps.now());
      return entries.filter(needsAttention).length + (await store.listSetAside()).length;
    },
    /** "Dismiss": the entry stops counting for the badge until something new happens to it. */
    async acknowledge(id: string): Promise<Reply<OutboxEntry>> {
      return underLock(id, async (entry) => {
        if (!entry)
          return refusal(t('history_error_not_found'), t('history_error_not_found_detail'), 'not_found');
        const saved = await store.saveEntry({ ...entry, acknowledgedAt: deps.now().toISOString() });
        deps.onChange?.();
        return { ok: true, value: saved };
      });
    },
    /** How many cards are held in memory (tests and diagnostics; never the cards themselves). */
    cardsHeld: (): number => ctx.cards.size,
    /** Tests: resolves when no entry is being driven. */
    async idle(): Promise<void> {
      while (driving.size > 0) await Promise.all([...driving.values()]);
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
