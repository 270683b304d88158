/** "just now", "5 minutes ago", "3 hours ago", or the date: how the UI says when something happened. */
export function formatAgo(isoTime: string, now: Date): string {
  const then = new Date(isoTime);
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  if (Number.isNaN(seconds)) return 'at an unknown time';
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  return `on ${then.toISOString().slice(0, 10)}`;
}
