import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/retrieval/analyze-text.js';
import { MAX_CLASSIFIER_WORK, PageClassifier, PageFeaturizer, type PageExample } from '../../src/retrieval/page-classifier.js';
import { createSynonymExpander } from '../../src/retrieval/synonyms.js';

const featurizer = new PageFeaturizer(createAnalyzer(), createSynonymExpander());

// Two pages about one account: only "die"/"death" versus "delete" tells them apart.
const examples: PageExample[] = [
  { text: 'How do I delete my Facebook account?', url: '/delete', kind: 'question' },
  { text: 'Go to settings and choose delete account. Your account is gone after 30 days.', url: '/delete', kind: 'content' },
  { text: 'What is the best way to delete my facebook account', url: '/delete', kind: 'question' },
  { text: 'What happens to your Facebook account when you die?', url: '/death', kind: 'question' },
  { text: 'Family can ask to memorialise the account of someone who died.', url: '/death', kind: 'content' },
  { text: 'In case of my death what happens to my facebook account', url: '/death', kind: 'question' },
  { text: 'How do I change my profile picture?', url: '/picture', kind: 'question' },
];

describe('PageClassifier', () => {
  const model = PageClassifier.train(examples, featurizer)!;

  it('learns the words that tell confusable pages apart, not the words they share', () => {
    const dying = model.probabilities('what is the procedure with my facebook account if I die');
    expect(dying.get('/death')!).toBeGreaterThan(dying.get('/delete')!);
    const deleting = model.probabilities('I want to remove my facebook account for good');
    expect(deleting.get('/delete')!).toBeGreaterThan(deleting.get('/death')!);
  });

  it('gives probabilities over the pages it was trained on', () => {
    const p = model.probabilities('facebook');
    expect([...p.keys()].sort()).toEqual(['/death', '/delete', '/picture']);
    expect([...p.values()].reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
  });

  it('trains the same model from the same examples', () => {
    const again = PageClassifier.train(examples, featurizer)!;
    expect([...again.probabilities('delete account death').values()]).toEqual([...model.probabilities('delete account death').values()]);
  });

  it('is not built for a single page or for a site too large to train on', () => {
    expect(PageClassifier.train(examples.filter((e) => e.url === '/delete'), featurizer)).toBeUndefined();
    // One word per example: examples × pages words per training pass.
    const pages = Math.ceil(Math.sqrt(MAX_CLASSIFIER_WORK)) + 1;
    const many = Array.from({ length: pages }, (_, i): PageExample => ({ text: `word${i}`, url: `/p${i}`, kind: 'content' }));
    expect(PageClassifier.train(many, featurizer)).toBeUndefined();
  });
});
