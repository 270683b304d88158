/**
 * Every item the extension stores, each declared once beside the code that owns it
 * (lib/storage/stored-item.ts says how). items.test.ts checks that every record, prefix and
 * session key the code reads or writes is listed here, that no two share a place, and that each
 * item's steps lead one version at a time to its current version. Only tests import this list:
 * the pages and the background import just the declarations they use.
 */

import { alertLedgerItem } from '../alerts/ledger';
import { alertSettingsItem } from '../alerts/settings';
import { alertSnapshotItem } from '../alerts/snapshot';
import { notificationUrlItem } from '../notify/notifications';
import { draftItem } from '../order-form/draft';
import { outboxEntryItem } from '../outbox/entry';
import { outboxAsideItem } from '../outbox/store';
import { policySeenItem } from '../policy/seen-item';
import { bulkAsideItem, bulkRunItem } from '../renewal/bulk-store';
import { pageOrdersItem } from '../renewal/page-orders';
import {
  apiKeyItem,
  legacyApiKeyItem,
  legacyWrappingKeyItem,
  unlockedKeyItem,
} from '../settings/api-key-items';
import { connectionItem } from '../settings/connection';
import { preferencesItem } from '../settings/preferences';
import { keptSettingsViewItem } from '../settings/view-cache-item';
import { templatesItem } from '../templates/templates-item';
import { validationSnapshotItem } from '../validation/snapshot';
import type { StoredItem } from './stored-item';

export const STORED_ITEMS: readonly StoredItem<unknown>[] = [
  templatesItem,
  preferencesItem,
  draftItem,
  outboxEntryItem,
  outboxAsideItem,
  bulkRunItem,
  bulkAsideItem,
  connectionItem,
  apiKeyItem,
  legacyApiKeyItem,
  legacyWrappingKeyItem,
  unlockedKeyItem,
  keptSettingsViewItem,
  pageOrdersItem,
  notificationUrlItem,
  alertSettingsItem,
  alertLedgerItem,
  alertSnapshotItem,
  validationSnapshotItem,
  policySeenItem,
];
