/**
 * Applies an import plan (import-export.ts) with the person's answer to each name clash:
 * - replace: the incoming template takes the existing one's place; the existing one's id, creation
 *   and use are kept, so drafts and history that point at it still find it;
 * - keep-both: the incoming one is added as "Name (2)" (or the next free number);
 * - skip: the incoming one is left out.
 * A clash with no answer keeps both: nothing is lost and the person can delete one.
 */

import type { ImportPlan } from './import-export';
import type { Template } from './model';
import { uniqueName } from './operations';

export type ClashDecision = 'replace' | 'keep-both' | 'skip';

export function applyImport(
  existing: readonly Template[],
  plan: Extract<ImportPlan, { ok: true }>,
  decisions: Readonly<Record<string, ClashDecision>>,
  newId: () => string = () => crypto.randomUUID(),
): Template[] {
  const list = [...existing];
  const added: Template[] = [];
  for (const { incoming, existing: old } of plan.clashes) {
    // Own answers only: an id is looked up in a plain object, where inherited names must find nothing.
    const decision =
      (Object.hasOwn(decisions, incoming.id) ? decisions[incoming.id] : undefined) ?? 'keep-both';
    if (decision === 'skip') continue;
    const index = list.findIndex((t) => t.id === old.id);
    const current = list[index];
    if (decision === 'replace' && current) {
      const { lastUsedAt, useCount, id, createdAt } = current;
      list[index] = { ...incoming, id, createdAt, useCount, ...(lastUsedAt ? { lastUsedAt } : {}) };
    } else added.push(incoming);
  }
  // The list may have changed since the plan was made: names and ids are made unique again here.
  for (const t of [...plan.additions, ...added]) {
    const taken = (id: string) => list.some((e) => e.id === id);
    list.push({ ...t, id: taken(t.id) ? newId() : t.id, name: uniqueName(list, t.name) });
  }
  return list;
}
