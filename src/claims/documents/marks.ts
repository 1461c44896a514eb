/** What the annotated pages share: the order of verdicts by severity and the legend of their colours. */
import type { Verdict } from '../define.js';

/** From the most to the least severe: a part tested by several claims shows the first found. */
export const SEVERITY: readonly Verdict[] = ['error', 'refuted', 'imprecise', 'inconclusive', 'holds-under-conditions', 'not-checkable', 'holds'];

/** The most severe verdict among several (holds when there are none). */
export function mostSevere(verdicts: readonly Verdict[]): Verdict {
  return SEVERITY.find((v) => verdicts.includes(v)) ?? 'holds';
}

/** The legend paragraph of the verdict colours; `extra` adds spans (no claim, unaccounted, error). */
export function legend(extra: readonly { cls: string; text: string }[] = []): string {
  const base = [
    ['v-holds', 'holds'],
    ['v-holds-under-conditions', 'holds under conditions'],
    ['v-imprecise', 'imprecise'],
    ['v-refuted', 'refuted'],
    ['v-inconclusive', 'inconclusive'],
    ['v-not-checkable', 'not checkable'],
  ];
  const spans = [...base.map(([cls, text]) => ({ cls, text })), ...extra].map((x) => `<span class="${x.cls}">${x.text}</span>`);
  return `<p id="legend">${spans.join('\n')}</p>`;
}
