import { describe, expect, it } from 'vitest';
import { focusOn, isFollowUp, isTopicOnly } from '../../src/answer/follow-up.js';
import { qaHit } from './page-hits.js';
import { pageHit } from './page-hits.js';
import { createAnalyzer } from '../../src/retrieval/analyze-text.js';

const analyzer = createAnalyzer();

describe('isFollowUp', () => {
  it('takes questions that point back and name no topic of their own as follow-ups', () => {
    for (const q of ['hva koster det?', 'Er det gratis?', 'hvor lang tid tar det?', 'hvordan gjør jeg det?', 'What does it cost?', 'is that free']) {
      expect(isFollowUp(q, analyzer), q).toBe(true);
    }
  });

  it('takes a question that is only its frame as one: it names no topic', () => {
    for (const q of ['hvor tidlig må jeg si fra?', 'hvor lenge varer det']) expect(isFollowUp(q, analyzer), q).toBe(true);
    for (const q of ['Hvor lenge tar det å få fiber', 'hvor stor datapakke kan jeg kjøpe']) expect(isFollowUp(q, analyzer), q).toBe(false);
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

describe('after a question', () => {
  it('also takes a short question with a pronoun inside as a follow-up, but not a dummy "det" / "it"', () => {
    for (const q of ['kan jeg ta den med på hytta?', 'can I take them on the plane?', 'kan jeg bruke den i Sverige?']) {
      expect(isFollowUp(q, analyzer), q).toBe(false);
      expect(isFollowUp(q, analyzer, { afterQuestion: true }), q).toBe(true);
    }
    for (const q of ['Er det dekning på hytta?', 'Does it work in Sweden?', 'Hvordan sier jeg opp abonnementet når bindingstiden er ute?']) {
      expect(isFollowUp(q, analyzer, { afterQuestion: true }), q).toBe(false);
    }
  });

  it('knows a topic given in reply to "what is it about?" from a question of its own', () => {
    expect(isTopicOnly('eSIM', analyzer)).toBe(true);
    expect(isTopicOnly('på klokka', analyzer)).toBe(true);
    expect(isTopicOnly('Hvor lang tid tar det å aktivere eSIM på klokka?', analyzer)).toBe(false);
    expect(isTopicOnly('hva koster det?', analyzer)).toBe(false);
  });

  it('keeps the pages that name what a continuation adds, in their order', () => {
    const usa = pageHit({ url: 'https://example.no/usa', title: 'Ringe fra USA', text: 'I USA koster data 69 kr per dag.' });
    const world = pageHit({ url: 'https://example.no/verden', title: 'Utenfor EU', text: 'Thailand og USA er i sone Verden.' });
    expect(focusOn([usa, world], 'hva med Thailand?', analyzer).map((p) => p.url)).toEqual(['https://example.no/verden']);
    expect(focusOn([usa], 'og Japan?', analyzer)).toEqual([]);
    // Translations count: "abroad" is named by "utlandet".
    const abroad = pageHit({ url: 'https://example.no/utland', title: 'Utland', text: 'Bruke mobilen i utlandet.' });
    expect(focusOn([usa, abroad], 'what about abroad?', analyzer).map((p) => p.url)).toEqual(['https://example.no/utland']);
    // A name in any follow-up must be on the page too.
    expect(focusOn([usa, world], 'kan de bruke den i Thailand?', analyzer).map((p) => p.url)).toEqual(['https://example.no/verden']);
  });

  it('leaves out a Q&A answer that does not name what the follow-up asks, keeping the page\'s other passages', () => {
    const price = qaHit({ url: 'https://example.no/klokke', question: 'Hva koster Klokke?', answer: 'Klokke koster 59 kr i måneden.' });
    const steps = pageHit({ url: 'https://example.no/klokke', title: 'eSIM på klokke', text: 'Samsung Galaxy Watch: åpne Galaxy Wearable-appen.' });
    const page = { ...price, hits: [price.best, steps.best] };
    const [focused] = focusOn([page], 'og for Samsung?', analyzer);
    expect(focused?.best.chunk.kind).toBe('page');
    expect(focusOn([page], 'hva koster det?', analyzer)[0]?.best.chunk.kind).toBe('qa');
  });
});
