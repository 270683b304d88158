/** Element ids from field paths: `certificate.dns_names` → `f-certificate-dns-names`. */
export const fieldId = (path: string): string => `f-${path.replace(/[^a-z0-9]+/gi, '-')}`;

/** The ids an input points at with aria-describedby: its problems first, then its hint. */
export const describedBy = (...ids: (string | false | undefined)[]): string | undefined =>
  ids.filter(Boolean).join(' ') || undefined;
