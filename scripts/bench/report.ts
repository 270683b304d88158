/** The bench's figures, each with its budget, as a markdown table. */
import { cpus } from 'node:os';

/** The share of the values a trimmed mean keeps: the middle 80%. */
const KEPT = 0.8;

/**
 * The mean of the middle 80% of `values`. A page's open time is when the browser presented the frame
 * showing it, so it comes in steps of a frame (16.7 ms at 60 Hz), and where a navigation starts
 * against the frame clock decides which frame it lands in. The floor page's times fell in two groups
 * (56–64 and 76–96 ms in one run), and their median jumped from one group to the other between runs
 * of the same build, moving every ratio by 0.25x. A mean averages over where each round fell against
 * the frame; dropping the extremes keeps one stalled round from deciding it.
 */
export const trimmedMean = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const cut = Math.floor((sorted.length * (1 - KEPT)) / 2);
  const kept = sorted.slice(cut, sorted.length - cut);
  if (kept.length === 0) return Number.NaN;
  return kept.reduce((sum, v) => sum + v, 0) / kept.length;
};

/** `ok` is null for a figure shown for reference only, with no budget of its own. */
export type Figure = { name: string; measured: string; budget: string; ok: boolean | null };

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** A time against its baseline, within `max` times the baseline. */
export function ratioFigure(name: string, value: number, baseline: number, max: number): Figure {
  const ratio = value / baseline;
  return {
    name,
    measured: `${ratio.toFixed(2)}x (${ms(value)} vs ${ms(baseline)})`,
    budget: `≤ ${max.toFixed(2)}x`,
    ok: Number.isFinite(ratio) && ratio <= max,
  };
}

/** A time against its baseline, shown beside a budgeted figure to explain it: no budget of its own. */
export function partFigure(name: string, value: number, baseline: number, note: string): Figure {
  const ratio = value / baseline;
  return {
    name,
    measured: `${ratio.toFixed(2)}x (${ms(value)} vs ${ms(baseline)}), ${note}`,
    budget: '—',
    ok: null,
  };
}

/** A size (bytes) within `maxKb` kilobytes. */
export function sizeFigure(name: string, bytes: number, maxKb: number): Figure {
  const kb = bytes / 1024;
  return { name, measured: `${kb.toFixed(1)} KB`, budget: `≤ ${maxKb} KB`, ok: kb <= maxKb };
}

export type Machine = { date: string; cpu: string; cores: number; chromium: string };

export function machine(chromium: string): Machine {
  const cpu = cpus();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    chromium,
  };
}

export function markdownTable(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    f.measured,
    f.budget,
    f.ok === null ? '—' : f.ok ? 'yes' : '**no**',
  ]);
  const header = ['Figure', 'Measured', 'Budget', 'OK'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function machineLine(m: Machine): string {
  return `${m.date} · ${m.cpu}, ${m.cores} cores · ${m.chromium}`;
}
