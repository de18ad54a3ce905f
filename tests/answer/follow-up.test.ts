import { describe, expect, it } from 'vitest';
import { isFollowUp } from '../../src/answer/follow-up.js';
import { createAnalyzer } from '../../src/retrieval/analyze-text.js';

const analyzer = createAnalyzer();

describe('isFollowUp', () => {
  it('takes questions that point back and name no topic of their own as follow-ups', () => {
    for (const q of ['hva koster det?', 'Er det gratis?', 'hvor lang tid tar det?', 'hvordan gjør jeg det?', 'What does it cost?', 'is that free']) {
      expect(isFollowUp(q, analyzer), q).toBe(true);
    }
  });

  it('takes an opening "og" / "what about" with a word or two as a follow-up', () => {
    for (const q of ['og for Samsung?', 'hva med utlandet?', 'what about Samsung?']) expect(isFollowUp(q, analyzer), q).toBe(true);
  });

  it('leaves self-contained questions alone, "det" as a dummy subject and "den" that refers within the question included', () => {
    for (const q of ['Er det dekning på hytta?', 'Hvor lang tid tar det å flytte nummeret?', 'Går det an å betale med Vipps?', 'Jeg har fått en SMS om en pakke, hva gjør jeg med den?', 'PUK?', 'og hvordan flytter jeg nummeret til et annet selskap når bindingstiden er ute?']) {
      expect(isFollowUp(q, analyzer), q).toBe(false);
    }
  });
});
