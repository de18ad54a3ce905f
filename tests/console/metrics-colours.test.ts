import { describe, expect, it } from 'vitest';
import { CHART_COLOURS } from '../../console/src/knowledge/metrics.js';

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('metrics chart colours', () => {
  it('each bar colour stands out from the white chart by 3:1, confirmed from assumed too', () => {
    for (const colour of Object.values(CHART_COLOURS)) expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrast(CHART_COLOURS.confirmed, CHART_COLOURS.assumed)).toBeGreaterThanOrEqual(3);
    expect(contrast('#8fd19e', '#ffffff')).toBeLessThan(3); // the light green before
  });
});
