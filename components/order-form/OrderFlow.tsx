import { useEffect, useMemo, useState } from 'preact/hooks';
import { namesFromCsr } from '@/lib/csr/compare';
import { t } from '@/lib/i18n';
import { formatList } from '@/lib/i18n/format';
import { type SubmissionView, sendToBackground, type UserError } from '@/lib/messaging';
import type { Problem } from '@/lib/order/problem';
import { getProduct } from '@/lib/order/products';
import { discardDraft, saveDraft } from '@/lib/order-form/draft';
import { createDraftSaver } from '@/lib/order-form/draft-saver';
import { prepareOrder, type RenewalSource } from '@/lib/order-form/prepare';
import type { Region } from '@/lib/region';
import { askedFields } from '@/lib/templates/build';
import type { Template } from '@/lib/templates/model';
import { recordTemplateUse } from '@/lib/templates/saved';
import { Notice } from '../Notice';
import { AskedFieldInput } from './AskedFieldInput';
import { CsrSection } from './CsrSection';
import { ReviewStep } from './ReviewStep';
import { SentStep } from './SentStep';
import { useCsr } from './useCsr';

const CSR_FIELDS = ['certificate.csr'];

/** Where an order form starts: answers and CSR (from a draft), the step, a renewal, a sent submission. */
export type OrderStart = {
  /** The draft's id: "Place order" sends it, and the background places one order per draft. */
  draftId: string;
  answers: Record<string, unknown>;
  csrText: string;
  step: 'fill' | 'review';
  sent?: SubmissionView;
  renewal?: RenewalSource;
};

type Props = {
  template: Template;
  initial: OrderStart;
  region: Region;
  onClose: () => void;
};

/** Fill the asked fields, give the CSR, review, place: the popup's order form for one template. */
export function OrderFlow({ template, initial, region, onClose }: Props) {
  const [answers, setAnswers] = useState<Record<string, unknown>>(initial.answers);
  // Card answers live in this component only: never in the draft, the outbox, the history or a log.
  const [cardAnswers, setCardAnswers] = useState<Record<string, unknown>>({});
  const [step, setStep] = useState<'fill' | 'review' | 'sent'>(initial.sent ? 'sent' : initial.step);
  const [showMissing, setShowMissing] = useState(initial.step === 'review');
  const [submitting, setSubmitting] = useState(false);
  const [refused, setRefused] = useState<Problem[]>([]);
  const [error, setError] = useState<UserError | null>(null);
  const [sent, setSent] = useState<SubmissionView | null>(initial.sent ?? null);
  const [alreadySent, setAlreadySent] = useState(false);
  const { draftId } = initial;
  const csr = useCsr(initial.csrText);
  const { renewal } = initial;
  const asked = useMemo(() => askedFields(template), [template]);
  const needsCsr =
    template.fields['certificate.csr'] !== undefined &&
    template.fields['certificate.csr']?.source !== 'fixed';
  const facts =
    csr.state.kind === 'parsed' && csr.state.facts.problems.length === 0 ? csr.state.facts : undefined;
  const productName = getProduct(template.product)?.name ?? template.product;

  const prepared = useMemo(() => {
    const all = { ...answers, ...cardAnswers, ...(facts ? { 'certificate.csr': facts.pem } : {}) };
    // The CSR's common name first and its other names as dns_names, without repeating the common name
    // (lib/csr namesFromCsr): DigiCert counts dns_names as additional domains.
    const csrFacts = facts ? { pem: facts.pem, ...namesFromCsr(facts) } : undefined;
    return prepareOrder(template, asked, all, {
      ...(csrFacts ? { csr: csrFacts } : {}),
      ...(renewal ? { renewal } : {}),
      today: new Date(),
    });
  }, [template, asked, answers, cardAnswers, facts, renewal]);

  // Saved a moment after each change, never after "← Templates" (lib/order-form/draft-saver.ts).
  const drafts = useMemo(() => createDraftSaver(saveDraft, discardDraft), []);
  useEffect(() => {
    if (step === 'sent') return;
    drafts.changed({
      id: draftId,
      templateId: template.id,
      answers,
      csrText: csr.text,
      step,
      ...(renewal ? { renewal } : {}),
    });
    return drafts.cancel;
  }, [drafts, draftId, template.id, answers, csr.text, step, renewal]);

  const cert = prepared.body.certificate as { common_name?: string; dns_names?: string[] } | undefined;
  const csrGivesNames = template.fields['certificate.common_name']?.source === 'csr';
  const orderNames = csrGivesNames
    ? null
    : { commonName: cert?.common_name ?? '', dnsNames: cert?.dns_names ?? [] };
  const namesAsked = template.fields['certificate.common_name']?.source === 'asked';

  function setAnswer(path: string, value: unknown, sensitive: boolean) {
    (sensitive ? setCardAnswers : setAnswers)((current) => ({ ...current, [path]: value }));
  }

  function review() {
    setShowMissing(true);
    setRefused([]);
    if (prepared.ready) setStep('review');
  }

  async function submit() {
    setSubmitting(true);
    setError(null);
    try {
      const reply = await sendToBackground('submitOrder', {
        product: template.product,
        request: prepared.body,
        template: { id: template.id, name: template.name },
        ...(renewal ? { renewal: true } : {}),
        draftId,
      });
      if (!reply.ok) setError(reply.error);
      else if (!reply.value.accepted) {
        setRefused(reply.value.problems);
        setStep('fill');
      } else {
        setSent(reply.value.submission);
        setAlreadySent(reply.value.alreadySent === true);
        setStep('sent');
        setCardAnswers({});
        // The draft stays until CertCentral has the order: if it refuses it, the form comes back whole.
        await saveDraft({
          id: draftId,
          templateId: template.id,
          answers,
          csrText: csr.text,
          step: 'fill',
          submissionId: reply.value.submission.id,
          ...(renewal ? { renewal } : {}),
        });
        await recordTemplateUse(template.id);
      }
    } catch (caught) {
      setError({ title: t('popup_order_not_handed'), detail: String(caught) });
    } finally {
      setSubmitting(false);
    }
  }

  if (step === 'sent' && sent) {
    return (
      <SentStep
        submission={sent}
        alreadySent={alreadySent}
        onDraftDone={() => void discardDraft()}
        onBackToForm={() => {
          setShowMissing(true);
          setSent(null);
          setStep('fill');
        }}
        onDone={onClose}
      />
    );
  }

  return (
    <div class="stack order-flow">
      <div class="row spread">
        <button
          type="button"
          class="link"
          onClick={() => {
            // Going back on purpose leaves this order: its draft is for a popup closed by accident.
            void drafts.leave().then(onClose);
          }}
        >
          {t('popup_back_to_templates')}
        </button>
        <span class="muted" translate={false}>
          {productName}
        </span>
      </div>
      {renewal ? (
        <h2>{t('renewal_renew_order', String(renewal.orderId))}</h2>
      ) : (
        <h2 translate={false}>{template.name}</h2>
      )}
      {renewal && <p class="muted">{t('popup_with_template', template.name)}</p>}
      {error && (
        <Notice tone="error" title={error.title}>
          {error.detail && <p>{error.detail}</p>}
        </Notice>
      )}
      {step === 'review' ? (
        <ReviewStep
          product={template.product}
          productName={productName}
          region={region}
          body={prepared.body}
          warnings={prepared.warnings}
          submitting={submitting}
          onEdit={() => setStep('fill')}
          onSubmit={submit}
        />
      ) : (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            review();
          }}
        >
          {asked
            .filter((a) => !CSR_FIELDS.includes(a.path))
            .map((a) => (
              <AskedFieldInput
                key={a.path}
                asked={a}
                value={(a.sensitive ? cardAnswers : answers)[a.path]}
                problems={prepared.atField[a.path] ?? []}
                missing={prepared.missing.some((m) => m.path === a.path)}
                showMissing={showMissing}
                onChange={(value) => setAnswer(a.path, value, a.sensitive)}
              />
            ))}
          {needsCsr && (
            <CsrSection
              csr={csr}
              orderNames={orderNames}
              {...(namesAsked
                ? {
                    onTakeNames: (names) =>
                      setAnswers((current) => ({
                        ...current,
                        'certificate.common_name': names.commonName,
                        ...(template.fields['certificate.dns_names']?.source === 'asked'
                          ? { 'certificate.dns_names': names.dnsNames.join('\n') }
                          : {}),
                      })),
                  }
                : {})}
            />
          )}
          <FormProblems
            show={showMissing}
            missing={prepared.missing.filter((m) => m.source !== 'asked').map((m) => m.label)}
            problems={[...refused, ...prepared.elsewhere]}
          />
          <div class="row">
            <button type="submit" class="primary">
              {t('popup_review_order')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function FormProblems({
  show,
  missing,
  problems,
}: {
  show: boolean;
  missing: string[];
  problems: Problem[];
}) {
  if (!show || (missing.length === 0 && problems.length === 0)) return null;
  return (
    <Notice tone="error" title={t('popup_not_ready')}>
      <ul class="api-messages">
        {missing.length > 0 && <li>{t('popup_still_needed_from_csr', formatList(missing))}</li>}
        {problems.map((p) => (
          <li key={`${p.path}${p.code}`}>{p.message}</li>
        ))}
      </ul>
    </Notice>
  );
}
