import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { sendToBackground } from '@/lib/messaging';
import { getProduct } from '@/lib/order/products';
import { evValidationNotice, type ValidationNotice } from '@/lib/templates/ev-validation';

/** `organization.id` of an order body, when it names one. */
export function organizationIdOf(body: Record<string, unknown>): number | undefined {
  const org = body.organization;
  if (typeof org !== 'object' || org === null) return undefined;
  const id = (org as { id?: unknown }).id;
  return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : undefined;
}

/**
 * For an EV product, what CertCentral says of the organization's EV validation, read before the
 * order is placed. A failed lookup is said too: silence would read as "validated".
 */
export function useOrganizationNotice(product: string, body: Record<string, unknown>, today: Date) {
  const needsEv = getProduct(product)?.validation === 'ev';
  const id = organizationIdOf(body);
  const [notice, setNotice] = useState<ValidationNotice | undefined>(undefined);
  useEffect(() => {
    setNotice(undefined);
    if (!needsEv || id === undefined) return;
    let live = true;
    sendToBackground('getOrganizationDetails', { id })
      .then((reply) => {
        if (!live) return;
        setNotice(
          reply.ok
            ? evValidationNotice(reply.value, true, today)
            : {
                level: 'info',
                message: t('popup_ev_check_failed', [
                  String(id),
                  `${reply.error.title} ${reply.error.detail ?? ''}`.trim(),
                ]),
              },
        );
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [needsEv, id, today]);
  return notice;
}
