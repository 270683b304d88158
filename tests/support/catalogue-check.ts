/**
 * Finds text on an extension page that does not come from the message catalogue: every visible text
 * node and every attribute a person reads, outside elements marked translate="no" (data: names,
 * order numbers, CertCentral's words), must be a catalogue message with its placeholders filled.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { type Catalogue, literalParts } from '../../lib/i18n/catalogue';

/** Stands for a child element inside its parent's text: an element a message was given as a substitution. */
const ELEMENT = '\ue000';

/** What a person reads in one element: its text with child elements marked, its text nodes, or an attribute. */
export type Readable = { where: string; text: string; nodes: string[] };

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const hasWords = (text: string) => /\p{L}/u.test(text);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A message as a whole-text pattern, its placeholders standing for any text (a child element too).
 * A message with no words of its own ("$NAME$: $STATUS$") only joins others: `joins` says so.
 */
export type MessagePattern = { pattern: RegExp; joins: boolean };

export function messagePatterns(catalogue: Catalogue): MessagePattern[] {
  return Object.values(catalogue).map((entry) => {
    const parts = literalParts(entry).map((part) => escapeRegExp(squash(part)));
    return { pattern: new RegExp(`^${parts.join('\\s?(.*?)\\s?')}$`, 's'), joins: !hasWords(parts.join('')) };
  });
}

export function englishCatalogue(): Catalogue {
  const file = resolve(import.meta.dirname, '../../public/_locales/en/messages.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
}

/**
 * The texts no message explains. An element passes when its text (child elements standing for
 * substitutions) is one message, or when each of its text nodes is one; text without letters
 * (separators, numbers) says nothing to translate.
 */
export function unexplained(readables: readonly Readable[], patterns: readonly MessagePattern[]): string[] {
  // A joining message passes only when a part it joins is a message itself (or an element), so that
  // "$REGION$ ($HOST$)" does not explain any "words (more words)".
  const isMessage = (text: string, depth = 3): boolean =>
    patterns.some(({ pattern, joins }) => {
      const match = pattern.exec(text);
      if (!match) return false;
      if (!joins) return true;
      return match
        .slice(1)
        .some(
          (part) => part?.includes(ELEMENT) || (depth > 0 && !!part && isMessage(part.trim(), depth - 1)),
        );
    });
  const trimmed = (text: string) =>
    squash(text.replaceAll(ELEMENT, ` ${ELEMENT} `)).replace(/^[\s\ue000]+|[\s\ue000]+$/g, '');
  return readables.flatMap((r) => {
    if (isMessage(trimmed(r.text))) return [];
    const bad = r.nodes.map(squash).filter((node) => hasWords(node) && !isMessage(node));
    return bad.map((node) => `${r.where}: “${node}”`);
  });
}

/** Everything a person reads on the page now, as Readables (run in the page). */
export function readablesOf(page: Page): Promise<Readable[]> {
  return page.evaluate((marker) => {
    const out: { where: string; text: string; nodes: string[] }[] = [];
    const ATTRIBUTES = [
      'aria-label',
      'aria-description',
      'aria-roledescription',
      'title',
      'placeholder',
      'alt',
    ];
    const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'TEXTAREA', 'NOSCRIPT']);
    const name = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = el.classList.length > 0 ? `.${[...el.classList].join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${cls}`;
    };
    // An option is drawn by its select; anything else by itself.
    const shown = (el: Element) =>
      (el.closest('select') ?? el).checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
    out.push({ where: 'title', text: document.title, nodes: [document.title] });
    for (const el of document.body.querySelectorAll('*')) {
      if (SKIP.has(el.tagName) || el.closest('[translate="no"]') || !shown(el)) continue;
      for (const attribute of ATTRIBUTES) {
        const value = el.getAttribute(attribute);
        if (value) out.push({ where: `${name(el)}[${attribute}]`, text: value, nodes: [value] });
      }
      if (el instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(el.type) && el.value)
        out.push({ where: `${name(el)}[value]`, text: el.value, nodes: [el.value] });
      const texts = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE);
      if (!texts.some((n) => /\p{L}/u.test(n.textContent ?? ''))) continue;
      const text = [...el.childNodes]
        .map((n) =>
          n.nodeType === Node.TEXT_NODE
            ? (n.textContent ?? '')
            : n.nodeType === Node.ELEMENT_NODE
              ? marker
              : '',
        )
        .join('');
      out.push({ where: name(el), text, nodes: texts.map((n) => n.textContent ?? '') });
    }
    return out;
  }, ELEMENT);
}

/** The page's texts that are not from the catalogue. */
export async function uncataloguedTexts(page: Page, patterns: readonly MessagePattern[]): Promise<string[]> {
  return unexplained(await readablesOf(page), patterns);
}
