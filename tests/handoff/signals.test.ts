import { describe, expect, it } from 'vitest';
import { estimateMood } from '../../src/handoff/mood.js';
import { estimateWait } from '../../src/handoff/estimate-wait.js';
import { DEFAULT_SENSITIVE_TOPICS, matchSensitiveTopic } from '../../src/handoff/sensitive-topics.js';
import { summarizeConversation } from '../../src/handoff/summarize.js';

describe('sensitive topics', () => {
  it.each([
    ['Jeg vil klage på regningen', 'complaint'], ['jeg har flere klager', 'complaint'], ['I want to file a complaint', 'complaint'],
    ['hvordan sier jeg opp abonnementet', 'cancellation'], ['jeg vil si opp', 'cancellation'], ['How do I cancel my plan?', 'cancellation'],
    ['jeg har fått inkassovarsel', 'debt collection'], ['min far døde i forrige uke', 'bereavement'], ['my mother passed away', 'bereavement'],
  ])('%s → %s', (text, topic) => expect(matchSensitiveTopic(text, DEFAULT_SENSITIVE_TOPICS)).toBe(topic));
  it.each(['hvor finner jeg puk koden', 'hva koster roaming', 'si meg hva klokka er', 'opp og ned på data'])('no topic: %s', (text) =>
    expect(matchSensitiveTopic(text, DEFAULT_SENSITIVE_TOPICS)).toBeNull());
});

describe('mood', () => {
  it('stays calm for ordinary questions, also with codes in capitals', () => {
    expect(estimateMood(['Hei! Hvor finner jeg PUK-koden til SIM-kortet?', 'takk for hjelpen']).mood).toBe('calm');
    expect(estimateMood(['I am not angry, just wondering about eSIM']).mood).toBe('calm');
  });
  it('sees frustration in words, punctuation, shouting and repetition', () => {
    expect(estimateMood(['Dette er helt latterlig']).mood).toBe('frustrated');
    expect(estimateMood(['HVORFOR FUNGERER IKKE MOBILEN MIN', 'hallo???']).signals).toEqual(expect.arrayContaining(['capitals', 'repeated punctuation']));
    expect(estimateMood(['hvor er fakturaen', 'Hvor er fakturaen?']).mood).toBe('calm');
    expect(estimateMood(['hvor er fakturaen', 'Hvor er fakturaen?', 'hvor er fakturaen!!']).mood).toBe('frustrated');
    expect(estimateMood(['This is the worst service, useless']).mood).toBe('frustrated');
  });
});

describe('estimateWait', () => {
  it('uses the median of recent waits, scaled by place and agents online', () => {
    expect(estimateWait(1, [], 1).minutes).toBeNull();
    expect(estimateWait(1, [60_000, 120_000, 600_000], 1).minutes).toBe(2);
    expect(estimateWait(3, [60_000, 120_000, 600_000], 2).minutes).toBe(3);
    expect(estimateWait(1, [1_000], 0).minutes).toBe(1);
  });
});

describe('summarizeConversation', () => {
  it('quotes the customer and names what the bot tried', () => {
    const summary = summarizeConversation(
      [
        { role: 'customer', text: 'Hvordan får jeg eSIM på Apple Watch?' },
        { role: 'bot', text: '…', outcome: 'answer', sources: [{ url: 'https://x/esim', title: 'eSIM på smartklokke' }] },
        { role: 'customer', text: 'eSIM på klokka?' },
        { role: 'customer', text: 'Det virker ikke, klokka sier aktivering feilet' },
        { role: 'customer', text: 'kan jeg snakke med et menneske' },
      ],
      'nb',
    );
    expect(summary).toBe('Kunden spør: «Hvordan får jeg eSIM på Apple Watch?» «Det virker ikke, klokka sier aktivering feilet» Boten svarte fra «eSIM på smartklokke».');
    expect(summarizeConversation([{ role: 'customer', text: 'gardening tips' }, { role: 'bot', text: '…', outcome: 'abstain' }], 'en')).toBe(
      'The customer asks: "gardening tips" The bot found no answer.',
    );
  });
});
