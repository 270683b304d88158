import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type CsrFacts,
  findCsrPem,
  generateKeyAndCsr,
  type KeyChoice,
  parseCsr,
  suggestedFileNames,
} from '@/lib/csr/index';
import { t } from '@/lib/i18n';
import { downloadText } from '../download';

export type CsrState =
  | { kind: 'empty' }
  | { kind: 'checking' }
  | { kind: 'parsed'; facts: CsrFacts }
  | { kind: 'error'; message: string };

/**
 * The CSR of the order being filled: pasted, dropped or generated here, checked locally (x509 is
 * loaded on first use). A private key pasted by mistake is cleared at once and never kept.
 */
export function useCsr(initialText: string) {
  const [text, setText] = useState(initialText);
  const [state, setState] = useState<CsrState>({ kind: 'empty' });
  const [notice, setNotice] = useState<string | null>(null);
  const [generating, setGenerating] = useState(false);
  const run = useRef(0);

  useEffect(() => {
    const mine = ++run.current;
    if (!text.trim()) {
      setState({ kind: 'empty' });
      return;
    }
    const quick = findCsrPem(text);
    if (!quick.ok) {
      if (quick.code === 'private_key') setText('');
      setState({ kind: 'error', message: quick.message });
      return;
    }
    setState({ kind: 'checking' });
    void parseCsr(text).then((result) => {
      if (mine !== run.current) return;
      setState(result.ok ? { kind: 'parsed', facts: result } : { kind: 'error', message: result.message });
    });
  }, [text]);

  async function readFile(file: File) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await parseCsr(bytes);
    if (result.ok) setText(result.pem);
    else setState({ kind: 'error', message: t('popup_csr_file_problem', [file.name, result.message]) });
  }

  async function generate(keyChoice: KeyChoice, names: { commonName: string; dnsNames: string[] }) {
    setGenerating(true);
    setNotice(null);
    try {
      const made = await generateKeyAndCsr({
        commonName: names.commonName,
        dnsNames: names.dnsNames,
        keyType: keyChoice,
      });
      const files = suggestedFileNames(names.commonName);
      // The private key is offered once, as a download, and dropped: the extension never keeps it.
      downloadText(files.key, made.privateKeyPem, 'application/x-pem-file');
      setText(made.csrPem);
      setNotice(t('popup_csr_made', [made.keyDescription, files.key]));
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setGenerating(false);
    }
  }

  return { text, setText, state, notice, generating, readFile, generate };
}
