// Extension pages and the background have IndexedDB; node does not. fake-indexeddb gives every
// unit test the same API with in-memory storage.
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Catalogue, expandPlaceholders, substitute } from '@/lib/i18n/catalogue';
import english from '@/public/_locales/en/messages.json';

// The fake browser has no catalogue: it answers from the English one as the browser would, so views
// and messages under test read as they do for an English-speaking user. An unknown key gives '', as
// in the browser (lib/i18n turns that into an error).
const catalogue: Catalogue = english;
const expanded = new Map(Object.entries(catalogue).map(([name, entry]) => [name, expandPlaceholders(entry)]));
fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) => {
  const message = expanded.get(name);
  if (message === undefined) return '';
  return substitute(message, typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []));
}) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en-US';
