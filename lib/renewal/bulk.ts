/**
 * The bulk renewal runner ("Renew many"): each selected order becomes its own outbox entry
 * through the submission engine, one after another, with its result, pause and resume.
 *
 * Never twice: right before an order is submitted, the outbox is read for a live renewal of it
 * (guards.ts); an item found `submitting` after a worker restart first looks for the entry it may
 * already have made (created since the item started), and adopts it instead of submitting again.
 * Pacing: every API call goes through the engine's and this module's transports, which share the
 * documented rate limiter (100 per 5 s, 1000 per 3 min), and items are submitted one at a time.
 */
import type { Transport } from '../certcentral/transport';
import { t } from '../i18n';
import type { BulkRenewal } from '../messaging';
import type { SubmissionEngine } from '../outbox';
import { KeyedSerial } from '../outbox/serial';
import type { Reply } from '../reply';
import { type Template, templateSchema } from '../templates/model';
import { submitOne } from './bulk-item';
import { bulkTemplateProblem } from './bulk-plan';
import { type BulkItem, type BulkRun, listRuns, loadRun, pruneRuns, saveRun } from './bulk-store';

export interface BulkDeps {
  engine: Pick<SubmissionEngine, 'submit' | 'list' | 'get'>;
  transport: () => Promise<Reply<Transport>>;
  now: () => Date;
  newId: () => string;
  readTemplate: (id: string) => Promise<Template | undefined>;
  /** A run is going (true) or none is (false): the background keeps an alarm to wake the worker. */
  keepAwake?: (active: boolean) => void;
  log?: (message: string, error: unknown) => void;
}

const refusal = (title: string, detail: string, code: string): Reply<never> => ({
  ok: false,
  error: { title, detail, code },
});

export function toBulkView(run: BulkRun): BulkRenewal {
  return {
    runId: run.runId,
    templateName: run.templateName,
    startedAt: run.startedAt,
    ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
    paused: run.paused,
    items: run.items.map(({ submittingAt: _at, ...item }) => item),
  };
}

const isOpen = (item: BulkItem) => item.state === 'waiting' || item.state === 'submitting';

export function createBulkRenewals(deps: BulkDeps) {
  const log = deps.log ?? ((message: string, error: unknown) => console.error(message, error));
  // Writes to one run never interleave (a pause must not be lost under a progress write).
  const runLock = new KeyedSerial();
  const driving = new Map<string, Promise<void>>();
  // One item at a time across all runs: two runs naming the same order cannot both pass the check.
  const itemLock = new KeyedSerial();

  function update(runId: string, change: (run: BulkRun) => void): Promise<BulkRun | undefined> {
    return runLock.run(runId, async () => {
      const run = await loadRun(runId, deps.now());
      if (!run) return undefined;
      change(run);
      if (!run.finishedAt && !run.items.some(isOpen)) run.finishedAt = deps.now().toISOString();
      return saveRun(run);
    });
  }

  async function step(runId: string): Promise<boolean> {
    const run = await loadRun(runId, deps.now());
    if (!run || run.paused || run.finishedAt) return false;
    const index = run.items.findIndex(isOpen);
    if (index < 0) {
      await update(runId, () => {});
      return false;
    }
    const parsed = templateSchema.safeParse(run.template);
    const setItem = (patch: Partial<BulkItem>) =>
      update(runId, (r) => {
        r.items[index] = { ...(r.items[index] as BulkItem), ...patch };
      });
    if (!parsed.success) {
      await setItem({ state: 'failed', message: t('renewal_template_unreadable') });
      return true;
    }
    await itemLock.run('items', () =>
      submitOne({ ...deps, template: parsed.data, item: run.items[index] as BulkItem, setItem }),
    );
    return true;
  }

  function drive(runId: string): Promise<void> {
    const running = driving.get(runId);
    if (running) return running;
    const work = (async () => {
      deps.keepAwake?.(true);
      try {
        while (await step(runId)) {}
      } catch (error) {
        log(`Bulk renewal ${runId} stopped on an unexpected error; it goes on at the next wake.`, error);
      } finally {
        driving.delete(runId);
        if (driving.size === 0) deps.keepAwake?.(false);
      }
    })();
    driving.set(runId, work);
    return work;
  }

  async function view(runId: string): Promise<Reply<BulkRenewal>> {
    const run = await loadRun(runId, deps.now());
    return run
      ? { ok: true, value: toBulkView(run) }
      : refusal(t('renewal_error_not_found'), t('renewal_error_no_run'), 'not_found');
  }

  return {
    async start(templateId: string, orderIds: readonly number[]): Promise<Reply<BulkRenewal>> {
      const template = await deps.readTemplate(templateId);
      if (!template)
        return refusal(t('renewal_error_template_not_found'), t('renewal_error_template_gone'), 'not_found');
      const problem = bulkTemplateProblem(template);
      if (problem) return refusal(t('renewal_error_not_bulk'), problem, 'template_not_bulk');
      const now = deps.now();
      const run = await saveRun({
        version: 1,
        runId: deps.newId(),
        templateId,
        templateName: template.name,
        template,
        startedAt: now.toISOString(),
        paused: false,
        items: [...new Set(orderIds)].map((orderId) => ({ orderId, commonName: '', state: 'waiting' })),
      });
      await pruneRuns(now);
      void drive(run.runId);
      return { ok: true, value: toBulkView(run) };
    },
    get: view,
    async setPaused(runId: string, paused: boolean): Promise<Reply<BulkRenewal>> {
      const run = await update(runId, (r) => {
        r.paused = paused;
      });
      if (!run) return refusal(t('renewal_error_not_found'), t('renewal_error_no_run'), 'not_found');
      // Pausing lets the order being submitted finish; resuming goes on with the next one.
      if (!paused) void drive(runId);
      return { ok: true, value: toBulkView(run) };
    },
    /** At every worker start and alarm: runs neither paused nor finished go on. */
    async resume(): Promise<void> {
      const open = (await listRuns(deps.now())).filter((r) => !r.paused && !r.finishedAt);
      if (open.length === 0 && driving.size === 0) deps.keepAwake?.(false);
      await Promise.all(open.map((r) => drive(r.runId)));
    },
    /** Tests: resolves when no run is being driven. */
    async idle(): Promise<void> {
      while (driving.size > 0) await Promise.all([...driving.values()]);
    },
  };
}

export type BulkRenewals = ReturnType<typeof createBulkRenewals>;
