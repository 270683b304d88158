/** The card in an order body, hidden for anything a person sees or copies (review, curl). */
export function maskCard(
  body: Record<string, unknown>,
  placeholders: { number?: string; cvv?: string } = {},
): Record<string, unknown> {
  const card = body.credit_card;
  if (typeof card !== 'object' || card === null) return body;
  const { number, cvv, ...rest } = card as Record<string, unknown>;
  const last4 = typeof number === 'string' ? number.replace(/\D/g, '').slice(-4) : '';
  return {
    ...body,
    credit_card: {
      ...rest,
      ...(number !== undefined ? { number: placeholders.number ?? `•••• •••• •••• ${last4}` } : {}),
      ...(cvv !== undefined ? { cvv: placeholders.cvv ?? '•••' } : {}),
    },
  };
}
