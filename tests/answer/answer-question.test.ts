import { FakeListChatModel } from '@langchain/core/utils/testing';
import { describe, expect, it } from 'vitest';
import { answerQuestion, LLM_MARGIN, type AnswerDeps } from '../../src/answer/answer-question.js';
import { MESSAGES } from '../../src/answer/messages.js';
import { LaerlingError } from '../../src/errors.js';
import type { PageHit } from '../../src/retrieval/types.js';
import { pageHit, qaHit } from './page-hits.js';

const esimQa = qaHit({
  url: 'https://example.no/esim',
  question: 'Kan jeg bruke eSIM i smartklokke?',
  alternatives: ['Can I use eSIM in my smartwatch?'],
  answer: 'Ja, du kan bruke eSIM i Apple Watch og de fleste Samsung-klokker. Bestill på Min side.',
  score: 0.912345,
});
const weak = pageHit({ url: 'https://example.no/dekning', title: 'Dekning', score: 0.31234567, lexical: 0.05, vector: 0.2, coverage: 0 });

/** A search dependency that returns fixed pages and records what it was asked. */
function fakeSearch(pages: PageHit[]) {
  const calls: Array<{ q: string; k: number }> = [];
  const search: AnswerDeps['search'] = async (q, k) => {
    calls.push({ q, k });
    return pages;
  };
  return { search, calls };
}

describe('answerQuestion', () => {
  it('answers a Q&A question with its answer as written, its source, and the ranked candidates', async () => {
    const { search, calls } = fakeSearch([esimQa, weak]);
    const r = await answerQuestion('  Kan jeg bruke eSIM i smartklokke?  ', { search });
    expect(r).toMatchObject({
      outcome: 'answer',
      lang: 'nb',
      answer: esimQa.best.chunk.answer,
      sources: [{ url: 'https://example.no/esim', title: 'Kan jeg bruke eSIM i smartklokke?' }],
      candidates: [
        { url: 'https://example.no/esim', title: 'Kan jeg bruke eSIM i smartklokke?', score: 0.9123 },
        { url: 'https://example.no/dekning', title: 'Dekning', score: 0.3123 },
      ],
    });
    expect(r.confidence).toBeGreaterThan(0.9);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(calls[0]?.q).toBe('Kan jeg bruke eSIM i smartklokke?');
  });

  it('marks a Q&A item without a page as noPage in sources and candidates, keeping its URL as its name', async () => {
    const svar = qaHit({ url: 'https://example.no/svar/vipps', question: 'Kan jeg betale med Vipps?', answer: 'Ja, i appen.' });
    svar.best.chunk.noPage = true;
    const r = await answerQuestion('Kan jeg betale med Vipps?', { search: fakeSearch([svar, weak]).search });
    expect(r.sources).toEqual([{ url: 'https://example.no/svar/vipps', title: 'Kan jeg betale med Vipps?', noPage: true }]);
    expect(r.candidates.map((c) => c.noPage)).toEqual([true, undefined]);
  });

  it('searches a follow-up together with the question it continues, and says what it searched', async () => {
    const { search, calls } = fakeSearch([esimQa, weak]);
    const r = await answerQuestion('og Apple Watch?', { search, topic: 'Kan jeg bruke eSIM i smartklokke?' });
    expect(calls[0]?.q).toBe('Kan jeg bruke eSIM i smartklokke? og Apple Watch?');
    expect(r.asked).toBe('Kan jeg bruke eSIM i smartklokke? og Apple Watch?');
    expect(r.outcome).toBe('answer');
    // A Q&A answer that does not name what the follow-up asks is not given as written.
    expect((await answerQuestion('hva koster det?', { search, topic: 'Kan jeg bruke eSIM i smartklokke?' })).outcome).toBe('abstain');
  });

  it('asks what a follow-up is about when there is nothing before it (the candidates still listed), also with a model', async () => {
    const { search } = fakeSearch([esimQa]);
    const r = await answerQuestion('Hva koster det?', { search });
    expect(r).toMatchObject({ outcome: 'abstain', answer: MESSAGES.nb.unclear, reason: 'needs_context', sources: [], candidates: [{ url: 'https://example.no/esim' }] });
    expect((await answerQuestion('Is it free?', { search })).answer).toBe(MESSAGES.en.unclear);
    const model = new FakeListChatModel({ responses: ['Det koster 59 kr [1].'] });
    expect((await answerQuestion('Hva koster det?', { search, model })).answer).toBe(MESSAGES.nb.unclear);
  });

  it('abstains kindly in Norwegian on a weak match, still listing candidates but no sources', async () => {
    const { search } = fakeSearch([weak]);
    const r = await answerQuestion('Hva er oppskriften på kanelboller?', { search });
    expect(r).toMatchObject({ outcome: 'abstain', lang: 'nb', answer: MESSAGES.nb.abstain, sources: [], reason: 'low_confidence' });
    expect(r.candidates).toEqual([{ url: 'https://example.no/dekning', title: 'Dekning', score: 0.3123 }]);
  });

  it('abstains in English when the question is in English', async () => {
    const { search } = fakeSearch([weak]);
    const r = await answerQuestion('What is the best recipe for cinnamon buns?', { search });
    expect(r).toMatchObject({ outcome: 'abstain', lang: 'en', answer: MESSAGES.en.abstain });
  });

  it('abstains with confidence 0 when nothing is found', async () => {
    const { search } = fakeSearch([]);
    const r = await answerQuestion('How do I port my number?', { search });
    expect(r).toMatchObject({ outcome: 'abstain', confidence: 0, candidates: [], sources: [], reason: 'no_candidates' });
  });

  it("uses the bot's threshold: the same match is answered at 0.5 and refused at 0.999", async () => {
    const page = pageHit({ text: 'Du kan betale fakturaen med Vipps eller AvtaleGiro.', score: 0.8, lexical: 0.6, vector: 0.6, coverage: 0.8 });
    const { search } = fakeSearch([page, weak]);
    const q = 'Hvordan kan jeg betale fakturaen?';
    expect((await answerQuestion(q, { search, threshold: 0.5 })).outcome).toBe('answer');
    expect((await answerQuestion(q, { search, threshold: 0.999 })).outcome).toBe('abstain');
  });

  it('composes an extractive answer from a page passage', async () => {
    const page = pageHit({
      url: 'https://example.no/faktura',
      title: 'Faktura',
      text: 'Vi har butikker i hele landet. Du kan betale fakturaen med Vipps eller AvtaleGiro.',
      score: 0.85,
      lexical: 0.7,
      vector: 0.6,
      coverage: 1,
    });
    const { search } = fakeSearch([page, weak]);
    const r = await answerQuestion('Hvordan betale fakturaen med Vipps?', { search });
    expect(r.outcome).toBe('answer');
    expect(r.answer).toContain('Du kan betale fakturaen med Vipps eller AvtaleGiro.');
    expect(r.answer).not.toContain('butikker');
    expect(r.sources).toEqual([{ url: 'https://example.no/faktura', title: 'Faktura' }]);
  });

  it('measures the time with the given clock', async () => {
    const times = [100, 112.5];
    const { search } = fakeSearch([esimQa]);
    const r = await answerQuestion('Kan jeg bruke eSIM i smartklokke?', { search, now: () => times.shift() ?? 112.5 });
    expect(r.ms).toBe(12.5);
  });

  it('passes k to search and defaults it', async () => {
    const { search, calls } = fakeSearch([]);
    await answerQuestion('Hei', { search, k: 3 });
    await answerQuestion('Hei', { search });
    expect(calls.map((c) => c.k)).toEqual([3, 8]);
  });

  it.each([
    ['empty', ''],
    ['blank', '   \n '],
    ['too long', 'a'.repeat(2001)],
  ])('rejects an %s question as INVALID_INPUT without searching', async (_name, question) => {
    const { search, calls } = fakeSearch([esimQa]);
    const err = await answerQuestion(question, { search }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LaerlingError);
    expect((err as LaerlingError).code).toBe('INVALID_INPUT');
    expect(calls).toHaveLength(0);
  });

  it('accepts a question of exactly 2000 characters', async () => {
    const { search } = fakeSearch([]);
    await expect(answerQuestion('a'.repeat(2000), { search })).resolves.toMatchObject({ outcome: 'abstain' });
  });
});

describe('answerQuestion with a language model', () => {
  const esimPage = pageHit({
    url: 'https://example.no/esim',
    title: 'eSIM i smartklokke',
    text: 'Du kan bruke eSIM i Apple Watch og de fleste Samsung-klokker. Bestill tillegget på Min side.',
    score: 0.91,
    lexical: 0.8,
    vector: 0.85,
    coverage: 1,
  });
  const confident = () => fakeSearch([esimPage, weak]).search;
  const q = 'Kan jeg bruke eSIM i smartklokke?';

  it('returns a confident Q&A answer as written, without asking the model', async () => {
    const model = new FakeListChatModel({ responses: ['Det koster ingenting [1].'] });
    const r = await answerQuestion(q, { search: fakeSearch([esimQa, weak]).search, model });
    expect(r).toMatchObject({ outcome: 'answer', answer: esimQa.best.chunk.answer, sources: [{ url: 'https://example.no/esim' }] });
    // In the other language the model may still write the answer in the customer's.
    const en = await answerQuestion('Can I use eSIM in my smartwatch?', { search: fakeSearch([esimQa, weak]).search, model });
    expect(en.answer).toContain('Det koster ingenting');
  });

  it("answers with the model's cited text and streams its tokens", async () => {
    const tokens: string[] = [];
    const model = new FakeListChatModel({ responses: ['Ja, eSIM fungerer i Apple Watch og de fleste Samsung-klokker [1].'] });
    const r = await answerQuestion(q, { search: confident(), model, onToken: (t) => tokens.push(t) });
    expect(r.outcome).toBe('answer');
    expect(r.answer).toContain('Apple Watch');
    expect(r.sources[0]?.url).toBe('https://example.no/esim');
    expect(tokens.join('')).toContain('Apple Watch');
    expect(r.candidates).toHaveLength(2);
  });

  it('abstains with the kind message when the model replies NO_ANSWER, candidates still listed', async () => {
    const model = new FakeListChatModel({ responses: ['NO_ANSWER'] });
    const r = await answerQuestion(q, { search: confident(), model });
    expect(r).toMatchObject({ outcome: 'abstain', answer: MESSAGES.nb.abstain, sources: [], reason: 'llm_abstained' });
    expect(r.candidates.map((c) => c.url)).toEqual(['https://example.no/esim', 'https://example.no/dekning']);
  });

  it('abstains with the failure message in English when the model is too slow', async () => {
    const model = new FakeListChatModel({ responses: ['Yes, it works [1].'], sleep: 200 });
    const r = await answerQuestion('Can I use eSIM in my smartwatch?', { search: confident(), model, llmTimeoutMs: 30 });
    expect(r).toMatchObject({ outcome: 'abstain', lang: 'en', answer: MESSAGES.en.llmFailed, sources: [], reason: 'llm_failed' });
  });

  it('does not ask the model about a question far below the threshold', async () => {
    const model = new FakeListChatModel({ responses: ['Kanelboller lager du slik [1].'] });
    const r = await answerQuestion('Hva er oppskriften på kanelboller?', { search: fakeSearch([weak]).search, model });
    expect(r).toMatchObject({ outcome: 'abstain', answer: MESSAGES.nb.abstain, reason: 'low_confidence' });
  });

  it('lets the model judge a question just below the threshold', async () => {
    const model = new FakeListChatModel({ responses: ['Ja, det går fint [1].'] });
    const { search } = fakeSearch([esimQa, weak]);
    const offline = await answerQuestion(q, { search });
    const threshold = Math.min(1, offline.confidence + LLM_MARGIN / 2);
    expect((await answerQuestion(q, { search, threshold })).outcome).toBe('abstain');
    expect((await answerQuestion(q, { search, threshold, model })).outcome).toBe('answer');
  });
});
