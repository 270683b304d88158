import { formatAgo } from '@/lib/format/time';
import { t } from '@/lib/i18n';
import { formatList } from '@/lib/i18n/format';
import type { Connection } from '@/lib/messaging';
import type { Region } from '@/lib/region';
import { Notice } from './Notice';

/** The region with its host: "US (www.digicert.com)". */
export function regionName(region: Region): string {
  return region === 'eu'
    ? t('common_region_eu', 'certcentral.digicert.eu')
    : t('common_region_us', 'www.digicert.com');
}

type Props = { connection: Connection; now: Date; compact?: boolean };

/** Who the key belongs to, or why the last test failed. */
export function ConnectionSummary({ connection, now, compact = false }: Props) {
  const when = t('settings_checked_when', formatAgo(connection.checkedAt, now));
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
      <Notice tone="ok" title={t('settings_connected_as', connection.user.name)}>
        <dl class="facts">
          {!compact && (
            <>
              <dt>{t('settings_fact_user')}</dt>
              <dd translate={false}>
                {connection.user.username}
                {connection.user.email && connection.user.email !== connection.user.username
                  ? ` · ${connection.user.email}`
                  : ''}
              </dd>
            </>
          )}
          <dt>{t('settings_fact_account')}</dt>
          <dd>{connection.accountId !== undefined ? `#${connection.accountId}` : t('settings_not_given')}</dd>
          <dt>{t('settings_fact_container')}</dt>
          <dd>
            {connection.container ? (
              <span translate={false}>{connection.container.name}</span>
            ) : (
              t('settings_not_given')
            )}
          </dd>
          {!compact && (
            <>
              <dt>{t('settings_fact_roles')}</dt>
              <dd>
                {connection.roles.length > 0 ? (
                  <span translate={false}>{formatList(connection.roles.map((role) => role.name))}</span>
                ) : (
                  t('settings_no_roles')
                )}
              </dd>
            </>
          )}
          <dt>{t('settings_fact_region')}</dt>
          <dd>{regionName(connection.region)}</dd>
        </dl>
        <p class="hint">{when}</p>
      </Notice>
      {connection.orderingBlocked && (
        <Notice tone="warn" title={t('common_key_cannot_order')}>
          <p>{connection.orderingBlocked}</p>
        </Notice>
      )}
    </div>
  );
}
