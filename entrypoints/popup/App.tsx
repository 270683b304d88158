import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { afterFrames, FRAMES_AFTER_FIRST_SCREEN } from '@/components/after-frames';
import type { OpenOrder } from '@/components/order-form/start';
import { ConnectionLinePlace } from '@/components/popup/ConnectionLinePlace';
import { TemplatePicker } from '@/components/popup/TemplatePicker';
import { t } from '@/lib/i18n';
import type { RenewalCandidate } from '@/lib/messaging';
import { nativeBrowser } from '@/lib/native-browser';
import { onPolicyChange } from '@/lib/policy/managed';
import {
  type ListProblem,
  popupListFrom,
  readListInputs,
  type TemplateSummary,
} from '@/lib/templates/summaries';

type Status = typeof import('@/components/popup/PopupStatus');
type Flow = typeof import('@/components/order-form/start');

function openSettings(hash = '') {
  const api = nativeBrowser();
  void api.tabs.create({ url: api.runtime.getURL(`/options.html${hash}`) });
  window.close();
}

/** The templates listed, or why none can be (summaries.ts popupListFrom). */
type Listed = TemplateSummary[] | ListProblem;

/** The list read again (a policy change, an order closed). */
const readAgain = () => popupListFrom(readListInputs());

/**
 * The popup opens on the template list, read straight from storage (nothing else loads first); the
 * account line, recent orders and the order form arrive as separate chunks when needed. `read`: the
 * list's first read, started before the popup is drawn; `first`: its answer when it was in by then.
 * Until it answers, the list's heading and search field are drawn without rows.
 */
export function App({ read, first }: { read: Promise<Listed>; first: Listed | null }) {
  const [templates, setTemplates] = useState<Listed | null>(first);
  // Taken as soon as it answers, not after a paint (useEffect would wait for one).
  useLayoutEffect(() => void read.then(setTemplates), [read]);
  const [Status, setStatus] = useState<Status | null>(null);
  const [flow, setFlow] = useState<Flow | null>(null);
  const [order, setOrder] = useState<OpenOrder | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reissuing, setReissuing] = useState<RenewalCandidate | null>(null);
  // Busy until the popup knows whether an order from an earlier opening is still open: that order
  // takes the template list's place a moment after the first screen, and a screen reader (or a
  // test) should not act on the list meanwhile.
  const [restoring, setRestoring] = useState(true);
  // The template rows below the window come with the rest, after the first screen.
  const [expanded, setExpanded] = useState(false);

  // The organization's policy may add, remove or hide templates while the popup is open.
  useEffect(() => onPolicyChange(() => void readAgain().then(setTemplates)), []);

  // Only once the list is on screen: parsing these chunks earlier would delay it.
  useEffect(
    () =>
      afterFrames(FRAMES_AFTER_FIRST_SCREEN, () => {
        setExpanded(true);
        void import('@/components/popup/PopupStatus').then(setStatus);
        void import('@/components/order-form/start')
          .then(async (m) => {
            setFlow(m);
            const restored = await m.restoreOrder();
            if (restored && 'problem' in restored) setProblem(restored.problem);
            else if (restored) setOrder(restored);
          })
          .finally(() => setRestoring(false));
      }),
    [],
  );

  async function pick(id: string, renewal?: RenewalCandidate) {
    const module = flow ?? (await import('@/components/order-form/start'));
    const renewing = renewal ? { orderId: renewal.orderId, values: renewal.renewalValues } : undefined;
    const opened = await module.openOrder(id, undefined, renewing);
    if ('problem' in opened) setProblem(opened.problem);
    else {
      setProblem(null);
      setOrder(opened);
    }
  }

  const OrderFlow = flow?.OrderFlow;
  return (
    <main class="popup stack" aria-busy={restoring ? 'true' : undefined}>
      <header>
        <h1>{t('common_extension_name')}</h1>
        <button type="button" onClick={() => openSettings()}>
          {t('common_settings')}
        </button>
      </header>
      {/* First under the header: a locked key asks for its passphrase before anything else. */}
      {!order && !reissuing && (Status ? <Status.ConnectionLine /> : <ConnectionLinePlace />)}
      {Status && (order || reissuing) && <Status.KeyLock />}
      {/* What waits for the user comes before anything new can be started. */}
      {Status && !order && !reissuing && <Status.NeedsYou onOpen={openSettings} />}
      {Status && Array.isArray(templates) && !order && !reissuing && (
        <Status.RenewFromPage
          templates={templates}
          onRenew={(id, o) => void pick(id, o)}
          onReissue={setReissuing}
        />
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      {reissuing && Status ? (
        <Status.ReissuePanel order={reissuing} onClose={() => setReissuing(null)} />
      ) : order && OrderFlow ? (
        <OrderFlow
          template={order.template}
          initial={order.initial}
          region={order.region}
          onClose={() => {
            setOrder(null);
            void readAgain().then(setTemplates);
          }}
        />
      ) : (
        <TemplatePicker
          templates={templates}
          onPick={(id) => void pick(id)}
          onCreate={() => openSettings('#templates')}
          expand={expanded}
        />
      )}
      {Status && !order && !reissuing && <Status.PopupOrders />}
    </main>
  );
}
