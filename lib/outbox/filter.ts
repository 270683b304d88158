import type { SubmissionView } from '../messaging';

export type HistoryFilter = {
  text: string;
  status: 'all' | 'attention' | 'active' | 'waiting' | 'done' | 'ended' | 'failed';
};

const ACTIVE_WORDS = ['queued', 'sending', 'checking', 'unsure'];

/** The options page's history filter: free text (name, order id, template, product) and a status group. */
export function filterSubmissions(list: SubmissionView[], filter: HistoryFilter): SubmissionView[] {
  const words = filter.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return list.filter((s) => {
    if (filter.status === 'attention' && !s.attention) return false;
    if (filter.status === 'active' && !ACTIVE_WORDS.includes(s.statusWord)) return false;
    if (['waiting', 'done', 'ended', 'failed'].includes(filter.status) && s.statusWord !== filter.status)
      return false;
    const haystack = [s.commonName, s.orderId ?? '', s.templateName ?? '', s.productName, s.product, s.id]
      .join(' ')
      .toLowerCase();
    return words.every((word) => haystack.includes(word.replace(/^#/, '')));
  });
}
