/**
 * "Copy as curl": the same request the background will send, for a person who wants to check it or
 * run it by hand. The API key is never in it (a shell variable stands in), nor is card data.
 */
import { API_BASE_URLS } from '../certcentral/regions';
import type { Region } from '../region';
import { maskCard } from './mask';

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function curlCommand(region: Region, product: string, body: Record<string, unknown>): string {
  const url = `${API_BASE_URLS[region]}/order/certificate/${encodeURIComponent(product)}`;
  const json = JSON.stringify(maskCard(body, { number: '$CARD_NUMBER', cvv: '$CARD_CVV' }), null, 2);
  return [
    `curl -X POST ${shellQuote(url)} \\`,
    `  -H "X-DC-DEVKEY: $DIGICERT_API_KEY" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  --data ${shellQuote(json)}`,
  ].join('\n');
}
