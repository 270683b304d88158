// Reading an error body of any shape into DigiCert's `{code, message}` items, bounded in size and time.
// Documented shape: {"errors":[{"code","message"}]}; older recorded answers carry `errors` as one object;
// gateways answer with HTML or plain text (sources in docs/error-codes.md). Nothing here may throw,
// and no regex ever sees more than a few hundred characters, so a 10 MB body costs milliseconds.
import type { ApiErrorItem } from './errors';

/** What is kept of an error: enough to act on, never a wall of text (a 20,000-item body was seen). */
export const ERROR_LIMITS = { items: 5, code: 100, message: 300, sentence: 600 } as const;

/** Bodies above this are not parsed as JSON (4 MB parses in ~30 ms); nesting deeper is not read. */
const MAX_JSON_CHARS = 4_000_000;
const MAX_DEPTH = 64;
/** Of a text or HTML body only the start is read. */
const MAX_TEXT_CHARS = 64_000;

/** `text` cut to `max` characters with an ellipsis, never splitting a surrogate pair. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

// C0/C1 controls, zero-width and bidi overrides: they garble a sentence or disguise what it says.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** One line: controls removed, whitespace collapsed, capped. Cut first, so the regexes stay cheap. */
export function tidyText(value: string, max: number): string {
  const head = value.length > max * 4 ? value.slice(0, max * 4) : value;
  const line = head.replace(UNSHOWABLE, ' ').replace(/\s+/g, ' ').trim();
  return capText(head.length < value.length && line.length > 0 ? `${line}…` : line, max);
}

export interface ErrorBody {
  /** At most ERROR_LIMITS.items, code and message each cleaned and capped; never both empty. */
  items: ApiErrorItem[];
  /** How many further errors the body listed ("and N more"). */
  more: number;
  /** The body was JSON, DigiCert's own kind of answer; false for text and HTML (a gateway's page). */
  json: boolean;
}

export function readErrorBody(text: string): ErrorBody {
  if (typeof text !== 'string') return { items: [], more: 0, json: false };
  const body = parseJson(text);
  if (body === NOT_JSON) return fromText(text);
  if (typeof body === 'string') return fromText(body);
  const items: ApiErrorItem[] = [];
  let more = 0;
  for (const raw of rawItems(body)) {
    if (items.length < ERROR_LIMITS.items) {
      const item = itemOf(raw);
      if (item) items.push(item);
    } else if (countable(raw)) more++; // only counted: cleaning 900,000 items took over a second
  }
  return { items, more, json: true };
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  if (text.length > MAX_JSON_CHARS || tooDeep(text)) return NOT_JSON;
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

/** JSON.parse slows down badly on deep nesting (a 1 MB `[[[[…` takes a quarter second): look first. */
function tooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_DEPTH) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Own properties only: a body's `constructor` or `toString` is never read from the prototype. */
const own = (o: Obj, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

/** Where the errors are: `errors` as a list, as one object, as a field → message map; else the body. */
function rawItems(body: unknown): readonly unknown[] {
  if (Array.isArray(body)) return body;
  if (!isObj(body)) return [];
  const errors = own(body, 'errors');
  if (Array.isArray(errors)) return errors;
  if (isObj(errors)) {
    const single = ['code', 'message', 'error'].some((k) => own(errors, k) !== undefined);
    return single ? [errors] : Object.entries(errors).map(([code, message]) => ({ code, message }));
  }
  if (errors !== undefined && errors !== null) return [errors];
  const error = own(body, 'error');
  return isObj(error) ? [error] : [body];
}

const looksLikeCode = (s: string) =>
  s.length <= ERROR_LIMITS.code && /^[\w.|:-]+$/.test(s) && /[_|:]/.test(s);

/** A string, number or boolean as text; a list of them (`"message": ["a", "b"]`) joined; else ''. */
function textOf(v: unknown, nested = false): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (!Array.isArray(v) || nested) return '';
  return v
    .slice(0, ERROR_LIMITS.items)
    .map((x) => textOf(x, true).slice(0, ERROR_LIMITS.message * 4))
    .filter(Boolean)
    .join('; ');
}

const TEXT_KEYS = ['message', 'detail', 'description', 'error_description', 'title'];
const CODE_KEYS = ['code', 'error_code', 'errorCode'];

const ITEM_KEYS = [...CODE_KEYS, ...TEXT_KEYS, 'error'];

function countable(raw: unknown): boolean {
  if (typeof raw === 'string') return raw.trim() !== '';
  return isObj(raw) && ITEM_KEYS.some((k) => textOf(own(raw, k)) !== '');
}

function itemOf(raw: unknown): ApiErrorItem | null {
  let code = '';
  let message = '';
  if (typeof raw === 'string') {
    const text = tidyText(raw, ERROR_LIMITS.message);
    if (looksLikeCode(text)) code = text;
    else message = text;
  } else if (isObj(raw)) {
    const error = textOf(own(raw, 'error'));
    code = CODE_KEYS.map((k) => textOf(own(raw, k))).find(Boolean) ?? '';
    const errorIsCode = !code && looksLikeCode(error);
    if (errorIsCode) code = error;
    message = TEXT_KEYS.map((k) => textOf(own(raw, k))).find(Boolean) ?? (errorIsCode ? '' : error);
  }
  code = tidyText(code, ERROR_LIMITS.code);
  message = tidyText(message, ERROR_LIMITS.message);
  return code || message ? { code, message } : null;
}

/** Plain text: its first words. HTML (a proxy's 502 page): its <title>, else its first real text. */
function fromText(text: string): ErrorBody {
  const head = text.slice(0, MAX_TEXT_CHARS);
  const summary = head.trimStart().startsWith('<')
    ? summariseHtml(head)
    : tidyText(head, ERROR_LIMITS.message);
  return { items: summary ? [{ code: '', message: summary }] : [], more: 0, json: false };
}

function summariseHtml(html: string): string {
  const lower = html.toLowerCase();
  const open = lower.indexOf('>', lower.indexOf('<title') + 1);
  const close = lower.indexOf('<', open + 1);
  if (lower.includes('<title') && open > 0 && close > open) {
    const title = tidyText(
      decodeEntities(html.slice(open + 1, Math.min(close, open + 1200))),
      ERROR_LIMITS.message,
    );
    if (title) return title;
  }
  const chunks = stripTags(html, lower).split('\n');
  const first = chunks.find((chunk) => /[\p{L}\p{N}]/u.test(chunk.slice(0, 1000))) ?? '';
  return tidyText(decodeEntities(first.slice(0, 1200)), ERROR_LIMITS.message);
}

/** Text between tags, one chunk per line; scripts, styles and comments dropped. One pass, indexOf only. */
function stripTags(html: string, lower: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) return out + html.slice(i);
    out += `${html.slice(i, lt)}\n`;
    const comment = lower.startsWith('<!--', lt);
    const end = comment ? lower.indexOf('-->', lt + 4) : html.indexOf('>', lt);
    if (end < 0) return out;
    i = end + (comment ? 3 : 1);
    const block = ['script', 'style'].find((name) => lower.startsWith(`<${name}`, lt));
    if (block) {
      i = lower.indexOf(`</${block}`, i);
      if (i < 0) return out;
    }
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (all, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? all;
    const point =
      name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : all;
  });
}
