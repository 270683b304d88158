import { formatAgo } from '@/lib/format/time';
import type { Connection } from '@/lib/messaging';
import { Notice } from './Notice';

const REGION_NAMES = { us: 'US (www.digicert.com)', eu: 'Europe (certcentral.digicert.eu)' } as const;

export function regionName(region: keyof typeof REGION_NAMES): string {
  return REGION_NAMES[region];
}

type Props = { connection: Connection; now: Date; compact?: boolean };

/** Who the key belongs to, or why the last test failed. */
export function ConnectionSummary({ connection, now, compact = false }: Props) {
  const when = `Checked ${formatAgo(connection.checkedAt, now)}`;
  if (connection.state === 'failed') {
    return (
      <Notice tone="error" title={connection.error.title}>
        {connection.error.detail && <p>{connection.error.detail}</p>}
        <p class="hint">
          {when} · {regionName(connection.region)}
        </p>
      </Notice>
    );
  }
  return (
    <div class="stack">
      <Notice tone="ok" title={`Connected as ${connection.user.name}`}>
        <dl class="facts">
          {!compact && (
            <>
              <dt>User</dt>
              <dd>
                {connection.user.username}
                {connection.user.email && connection.user.email !== connection.user.username
                  ? ` · ${connection.user.email}`
                  : ''}
              </dd>
            </>
          )}
          <dt>Account</dt>
          <dd>
            {connection.accountId !== undefined ? `#${connection.accountId}` : 'not given by CertCentral'}
          </dd>
          <dt>Container</dt>
          <dd>{connection.container?.name ?? 'not given by CertCentral'}</dd>
          {!compact && (
            <>
              <dt>Roles</dt>
              <dd>
                {connection.roles.length > 0
                  ? connection.roles.map((role) => role.name).join(', ')
                  : 'none listed'}
              </dd>
            </>
          )}
          <dt>Region</dt>
          <dd>{regionName(connection.region)}</dd>
        </dl>
        <p class="hint">{when}</p>
      </Notice>
      {connection.orderingBlocked && (
        <Notice tone="warn" title="This key cannot place orders">
          <p>{connection.orderingBlocked}</p>
        </Notice>
      )}
    </div>
  );
}
