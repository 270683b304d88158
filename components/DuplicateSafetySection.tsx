/**
 * Options page: why duplicates can happen and the CertCentral account setting that stops them.
 * The setting is an account preference only an administrator can change (docs/certcentral-api.md,
 * "Duplicate orders and alternative_order_id"); the extension cannot read or set it.
 */
export function DuplicateSafetySection() {
  return (
    <section class="card stack" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">Protection against duplicate orders</h2>
      <p>
        Every order this extension sends carries a fresh <strong>alternative order ID</strong>. When an answer
        from CertCentral is lost, the extension looks that ID up before it sends anything again, and cancels
        an extra order that carries the same ID while it is still pending.
      </p>
      <p>
        We recommend turning on <strong>Require unique alternative order IDs</strong> for your account:
        CertCentral then refuses a second order with the same ID outright. An administrator finds it in
        CertCentral under <em>Settings › Preferences › Advanced Settings › Alternative order ID</em>; if it is
        not listed, your DigiCert account manager or Support can enable it.
      </p>
    </section>
  );
}
