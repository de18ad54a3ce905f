import { describe, expect, it } from 'vitest';
import { OfflineEmbeddings } from '../../src/retrieval/offline-embeddings.js';

const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const corpus = [
  'Hvordan bestiller jeg eSIM til smartklokken min?',
  'Betale fakturaen med Vipps eller AvtaleGiro',
  'Roaming i EU og utenfor Europa',
  'How do I delete my Facebook account?',
  'Change your Gmail password',
];

describe('OfflineEmbeddings', () => {
  const e = new OfflineEmbeddings().fit(corpus);

  it('is deterministic across instances and calls, unit length, of the configured size', async () => {
    const again = new OfflineEmbeddings().fit(corpus);
    const [a] = await e.embedDocuments(['Betale fakturaen']);
    expect(await again.embedQuery('Betale fakturaen')).toEqual(a);
    expect(a).toHaveLength(1024);
    expect(cosine(a!, a!)).toBeCloseTo(1, 6);
  });

  it('is typo-tolerant: a misspelling stays closer than an unrelated text', async () => {
    const [right, typo, other] = await e.embedDocuments(['betale fakturaen', 'betal faktruaen', 'roaming i europa']);
    expect(cosine(right!, typo!)).toBeGreaterThan(0.3);
    expect(cosine(right!, typo!)).toBeGreaterThan(cosine(right!, other!) + 0.2);
  });

  it('brings inflections and compounds together in both languages', async () => {
    const [q1, d1, q2, d2, unrelated] = await e.embedDocuments([
      'esim smartklokke', 'eSIM til smartklokken', 'deleting facebook accounts', 'delete my Facebook account', 'Gmail password',
    ]);
    expect(cosine(q1!, d1!)).toBeGreaterThan(cosine(q1!, unrelated!));
    expect(cosine(q2!, d2!)).toBeGreaterThan(cosine(q2!, unrelated!));
  });

  it('restores the fitted IDF from its state', async () => {
    const restored = new OfflineEmbeddings().withState(JSON.parse(JSON.stringify(e.state())));
    expect(await restored.embedQuery('eSIM smartklokke')).toEqual(await e.embedQuery('eSIM smartklokke'));
    // Without the fitted IDF, vectors differ: proves the state is what makes them equal.
    expect(await new OfflineEmbeddings().embedQuery('eSIM smartklokke')).not.toEqual(await e.embedQuery('eSIM smartklokke'));
  });

  it('names its space by its settings', () => {
    expect(new OfflineEmbeddings().id).toBe(e.id);
    expect(new OfflineEmbeddings({ dimensions: 512 }).id).not.toBe(e.id);
  });
});
