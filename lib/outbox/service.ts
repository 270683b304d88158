/**
 * The background's outbox service: the submission engine wired to the browser (alarms, notifications,
 * badge) and the message handlers the pages use. Only the background imports this.
 */
import { browser } from 'wxt/browser';
import { coalesced, refreshNeedsYouBadge } from '../alerts/badge';
import { consoleOrderUrl } from '../certcentral/regions';
import { type MessageKey, t } from '../i18n';
import type { SubmissionList, UserError } from '../messaging';
import { type NoticeKind, showNotice } from '../notify/notifications';
import { defaultSettingsDeps, openTransport } from '../settings/service';
import { createSubmissionEngine, type SubmissionEngine } from './index';
import type { SubmissionEvent } from './types';
import { toSubmissionView } from './view';

export const OUTBOX_ALARM = 'outbox';
/** A safety net: even if a scheduled wake is lost, due work is picked up within this period. */
export const OUTBOX_SWEEP_ALARM = 'outbox-sweep';

const NOTICE_KINDS: Record<SubmissionEvent['kind'], { kind: NoticeKind; title: MessageKey }> = {
  placed: { kind: 'placed', title: 'history_notice_placed' },
  issued: { kind: 'issued', title: 'history_notice_issued' },
  'needs-attention': { kind: 'attention', title: 'history_notice_attention' },
  'duplicate-canceled': { kind: 'duplicate', title: 'history_notice_duplicate' },
  ended: { kind: 'attention', title: 'history_notice_ended' },
};

async function scheduleWake(at: Date): Promise<void> {
  const existing = await browser.alarms.get(OUTBOX_ALARM);
  // Keep the earliest wake: a later request must not postpone work already due sooner.
  if (existing && existing.scheduledTime <= at.getTime()) return;
  await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(at.getTime(), Date.now() + 1000) });
}

function notice(event: SubmissionEvent): void {
  const { kind, title } = NOTICE_KINDS[event.kind];
  const { entry } = event;
  const url = entry.orderId !== undefined ? consoleOrderUrl(entry.region ?? 'us', entry.orderId) : undefined;
  void showNotice({
    kind,
    submissionId: entry.id,
    title: t(title),
    message: event.message,
    ...(url ? { url } : {}),
  });
}

/** The badge is a hint: recounted at most once a second while the outbox keeps changing. */
const BADGE_SPACING_MS = 1000;

export function createOutboxService(): SubmissionEngine {
  let engine: SubmissionEngine | undefined;
  // The badge counts everything that needs the user, submissions among them (lib/alerts/badge.ts).
  const updateBadge = coalesced(async () => {
    if (engine) await refreshNeedsYouBadge(engine);
  }, BADGE_SPACING_MS);
  engine = createSubmissionEngine({
    transport: (lane) => openTransport(defaultSettingsDeps, lane),
    now: () => new Date(),
    uuid: () => crypto.randomUUID(),
    schedule: (at) => void scheduleWake(at),
    notify: notice,
    onChange: updateBadge,
  });
  return engine;
}

export async function listSubmissions(engine: SubmissionEngine, refresh: boolean): Promise<SubmissionList> {
  if (refresh) await engine.checkNow();
  const entries = await engine.list();
  return { submissions: entries.map(toSubmissionView), attention: await engine.needsAttentionCount() };
}

export function historyFilename(now: Date): string {
  return `certcentral-orders-${now.toISOString().slice(0, 10)}.json`;
}

export type { UserError };
