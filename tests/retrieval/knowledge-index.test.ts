import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeEmbeddings } from '@langchain/core/utils/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Chunk } from '../../src/ingest/types.js';
import { KnowledgeIndex } from '../../src/retrieval/knowledge-index.js';
import { PageClassifier } from '../../src/retrieval/page-classifier.js';
import { OfflineEmbeddings } from '../../src/retrieval/offline-embeddings.js';
import { DEFAULT_TUNING } from '../../src/retrieval/rank-pages.js';

const page = (url: string, title: string, text: string, extra: Partial<Chunk> = {}): Chunk => ({
  id: `${url}#0`, url, title, headingPath: [title], text, lang: 'nb', kind: 'page', ...extra,
});

const CHUNKS: Chunk[] = [
  page('https://t.no/esim', 'eSIM til smartklokke', 'Du kan bestille eSIM til smartklokken din i appen. Klokken må støtte eSIM.'),
  page('https://t.no/faktura', 'Faktura og betaling', 'Fakturaen sendes hver måned. Du kan betale med AvtaleGiro, eFaktura eller Vipps.'),
  page('https://t.no/roaming', 'Roaming i utlandet', 'I EU bruker du abonnementet som hjemme. Utenfor Europa gjelder egne priser.'),
  page('https://t.no/puk', 'PUK-kode og sperret SIM', 'Har du tastet feil PIN tre ganger, trenger du PUK-koden for å låse opp SIM-kortet.'),
  { ...page('https://t.no/faq/apningstider', 'Åpningstider', 'Kundeservice har åpent 08–20 på hverdager.'), id: 'qa-1', kind: 'qa', answer: 'Vi har åpent 08–20.', questions: ['Når har kundeservice åpent?', 'What are your opening hours?'] },
  page('https://t.no/faktura', 'Faktura og betaling', 'Ved purring påløper et gebyr.', { id: 'https://t.no/faktura#1', headingPath: ['Faktura og betaling', 'Purring'] }),
];

describe('KnowledgeIndex', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds the right page in Norwegian, in English and with typos, with features in [0,1]', async () => {
    const index = await KnowledgeIndex.build({ chunks: CHUNKS, embeddings: new OfflineEmbeddings() });
    expect((await index.search('hvordan betaler jeg fakturaen?'))[0]?.url).toBe('https://t.no/faktura');
    expect((await index.search('esim smartklokka'))[0]?.url).toBe('https://t.no/esim');
    expect((await index.search('When are you open?'))[0]?.url).toBe('https://t.no/faq/apningstider');
    expect((await index.search('sperret simkort puk'))[0]?.url).toBe('https://t.no/puk');
    const [top] = await index.search('betale fakturaen med vipps');
    for (const f of ['lexical', 'vector', 'learned', 'coverage'] as const) {
      expect(top!.best[f]).toBeGreaterThanOrEqual(0);
      expect(top!.best[f]).toBeLessThanOrEqual(1);
    }
    expect(top!.best.coverage).toBe(1);
  });

  it('groups chunks per page and honours k', async () => {
    const index = await KnowledgeIndex.build({ chunks: CHUNKS, embeddings: new OfflineEmbeddings() });
    const pages = await index.search('faktura purring gebyr', { k: 2 });
    expect(pages).toHaveLength(2);
    expect(pages[0]!.url).toBe('https://t.no/faktura');
    expect(pages[0]!.best.chunk.id).toBe('https://t.no/faktura#1');
    expect(new Set(pages.map((p) => p.url)).size).toBe(pages.length);
    expect(index.pageUrls().sort()).toEqual([...new Set(CHUNKS.map((c) => c.url))].sort());
  });

  it('scores the learned feature for Q&A questions and returns nothing for an empty index', async () => {
    const index = await KnowledgeIndex.build({ chunks: CHUNKS, embeddings: new OfflineEmbeddings() });
    const [top] = await index.search('når har kundeservice åpent');
    expect(top!.best.learned).toBeGreaterThan(0.9);
    const empty = await KnowledgeIndex.build({ chunks: [], embeddings: new OfflineEmbeddings() });
    expect(await empty.search('anything')).toEqual([]);
  });

  it('addLearned makes a paraphrase find its page at once, and skips near-duplicates', async () => {
    const index = await KnowledgeIndex.build({ chunks: CHUNKS, embeddings: new OfflineEmbeddings() });
    const question = 'mobilen virker ikke på ferie i Thailand';
    const before = await index.search(question);
    expect(before[0]?.best.learned ?? 0).toBeLessThan(0.5);
    await index.addLearned([{ question: 'Mobilen virker ikke på ferie i Spania', url: 'https://t.no/roaming', learnedAt: '2024-05-01T00:00:00Z' }]);
    const after = await index.search(question);
    expect(after[0]!.url).toBe('https://t.no/roaming');
    expect(after[0]!.best.learned).toBeGreaterThan(0.5);
    await index.addLearned([
      { question: 'mobilen virker ikke på ferie i spania!', url: 'https://t.no/roaming', learnedAt: '2024-05-02T00:00:00Z' },
      { question: 'Hva koster det å ringe fra USA?', url: 'https://t.no/roaming', learnedAt: '2024-05-02T00:00:00Z' },
      { question: 'Ukjent side', url: 'https://t.no/finnes-ikke', learnedAt: '2024-05-02T00:00:00Z' },
    ]);
    expect(index.learnedPhrasings().map((p) => p.question)).toEqual(['Mobilen virker ikke på ferie i Spania', 'Hva koster det å ringe fra USA?']);
  });

  it("indexes a page's learned phrasings with its content, so a question mixing both matches as one document", async () => {
    const index = await KnowledgeIndex.build({ chunks: CHUNKS, embeddings: new OfflineEmbeddings() });
    const question = 'gebyr for sen innbetaling';
    const before = (await index.search(question)).find((p) => p.url === 'https://t.no/faktura')!;
    await index.addLearned([{ question: 'sen innbetaling', url: 'https://t.no/faktura', learnedAt: '2026-11-01T00:00:00Z' }]);
    const after = (await index.search(question)).find((p) => p.url === 'https://t.no/faktura')!;
    // "gebyr" is in the content, "sen innbetaling" only in the learned phrasing.
    expect(after.best.lexical).toBeGreaterThan(before.best.lexical + 0.1);
    expect(after.best.chunk.kind).toBe('page');
  });

  it('finds a Norwegian page for an English question through the glossary', async () => {
    const chunks: Chunk[] = [
      ...CHUNKS,
      page('https://t.no/mistet', 'Mistet eller stjålet mobil', 'Er telefonen borte, sperrer vi SIM-kortet med en gang. Meld tyveri til politiet og bestill nytt SIM-kort.'),
    ];
    const index = await KnowledgeIndex.build({ chunks, embeddings: new OfflineEmbeddings() });
    expect((await index.search('my phone was stolen, please block it'))[0]?.url).toBe('https://t.no/mistet');
    expect((await index.search('when is the invoice due'))[0]?.url).toBe('https://t.no/faktura');
  });

  it('round-trips through save and load with identical results', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kidx-'));
    const learned = [{ question: 'hva gjør jeg i utlandet', url: 'https://t.no/roaming', learnedAt: '2024-05-01T00:00:00Z' }];
    const index = await KnowledgeIndex.build({ chunks: CHUNKS, learned, embeddings: new OfflineEmbeddings() });
    await index.save(dir);
    const loaded = await KnowledgeIndex.load(dir, new OfflineEmbeddings());
    for (const q of ['betale faktura', 'utlandet', 'opening hours', 'PUK']) {
      expect(await loaded.search(q)).toEqual(await index.search(q));
    }
    expect(loaded.learnedPhrasings()).toEqual(index.learnedPhrasings());
    await loaded.addLearned([{ question: 'kan jeg bruke mobilen i Italia', url: 'https://t.no/roaming', learnedAt: 'x' }]);
    expect(loaded.learnedPhrasings()).toHaveLength(2);
  });

  it('loads an index saved before titles had their own vectors, with identical results', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kidx-'));
    const index = await KnowledgeIndex.build({ chunks: CHUNKS, embeddings: new OfflineEmbeddings() });
    await index.save(dir);
    await rm(join(dir, 'titles.hnsw'));
    const loaded = await KnowledgeIndex.load(dir, new OfflineEmbeddings());
    for (const q of ['betale faktura', 'sperret sim', 'opening hours']) expect(await loaded.search(q)).toEqual(await index.search(q));
  });

  it('matches a compound written apart or joined, in both directions', async () => {
    const chunks = [
      page('https://t.no/bytte', 'Endre avtalen', 'Du kan bytte mobilabonnement når du vil, uten gebyr.'),
      page('https://t.no/bredband', 'Bredbånd', 'Abonnement på bredbånd med fast pris. Hjemmetelefon kan legges til.'),
      page('https://t.no/backup', 'Keep your notes safe', 'Make a backup of your notes before you switch phones.'),
      page('https://t.no/start', 'The start screen', 'Go back to the start screen of your phone, then up to the menu.'),
    ];
    const index = await KnowledgeIndex.build({ chunks, embeddings: new OfflineEmbeddings() });
    expect((await index.search('bytte mobil abonnement'))[0]?.url).toBe('https://t.no/bytte');
    const [backup] = await index.search('how do I back up my phone');
    expect(backup?.url).toBe('https://t.no/backup');
    expect(backup?.best.coverage).toBe(1);
    const [joined] = await index.search('mobil abonnement');
    expect(joined?.url).toBe('https://t.no/bytte');
    expect(joined?.best.coverage).toBe(1);
  });

  it('credits a compound split into parts only where both parts are found', async () => {
    const chunks = [
      page('https://t.no/sim', 'Sperre SIM-kort', 'Sperr SIM-kortet i appen hvis mobilen er borte.'),
      page('https://t.no/bank', 'Svindel', 'Har du gitt bort kortinformasjon, kontakt banken og sperr kortet.'),
    ];
    const index = await KnowledgeIndex.build({ chunks, embeddings: new OfflineEmbeddings() });
    const hits = await index.search('sperre bankkortet');
    const coverage = (url: string) => hits.find((h) => h.url === url)?.best.coverage;
    // "kort" alone is any card: the SIM page finds "sperre" but not "bankkortet".
    expect(coverage('https://t.no/sim')).toBe(0.5);
    expect(coverage('https://t.no/bank')).toBe(1);
  });

  it('refuses to load with other embeddings, and reports damaged files as INDEX_CORRUPT', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kidx-'));
    const index = await KnowledgeIndex.build({ chunks: CHUNKS, embeddings: new OfflineEmbeddings() });
    await index.save(dir);
    await expect(KnowledgeIndex.load(dir, new FakeEmbeddings())).rejects.toMatchObject({ code: 'EMBEDDER_MISMATCH' });
    await expect(KnowledgeIndex.load(dir, new OfflineEmbeddings({ dimensions: 256 }))).rejects.toMatchObject({ code: 'EMBEDDER_MISMATCH' });
    await writeFile(join(dir, 'chunks.json'), '[{"id": 1}]');
    await expect(KnowledgeIndex.load(dir, new OfflineEmbeddings())).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
    await writeFile(join(dir, 'manifest.json'), '{not json');
    await expect(KnowledgeIndex.load(dir, new OfflineEmbeddings())).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
  });
  it('learns from learned phrasings which words tell two close pages apart (the page classifier)', async () => {
    const chunks = [
      page('https://t.no/delete', 'How do I delete my account?', 'Open settings, choose Account and then Delete account. The account and its data are gone after 30 days.'),
      page('https://t.no/memorial', 'What happens to an account when its owner dies?', 'Relatives can ask us to memorialise the account or to close it. Send us a death certificate.'),
      page('https://t.no/picture', 'How do I change my profile picture?', 'Open your profile and choose a new picture.'),
    ];
    const learned = [
      ['My father passed away, what do we do with his account?', 'memorial'],
      ['Can my family close my account after I am gone?', 'memorial'],
      ['I want to get rid of my account for good', 'delete'],
      ['Close my account please', 'delete'],
    ].map(([question, slug]) => ({ question: question!, url: `https://t.no/${slug}`, learnedAt: '2026-01-01T00:00:00Z' }));
    const without = { ...DEFAULT_TUNING, weights: { ...DEFAULT_TUNING.weights, classifier: 0 } };
    const question = 'my family wants my account deleted when I am gone';

    const fresh = await KnowledgeIndex.build({ chunks, embeddings: new OfflineEmbeddings() });
    // Nothing learned yet: the classifier has nothing to add, so it is not consulted.
    expect(await fresh.search(question)).toEqual(await fresh.search(question, { tuning: without }));

    await fresh.addLearned(learned);
    expect((await fresh.search(question, { tuning: without }))[0]?.url).toBe('https://t.no/delete');
    const [top] = await fresh.search(question);
    expect(top?.url).toBe('https://t.no/memorial');
  });
  it('retrains the page classifier once after a burst of learning, before the next search needs it', async () => {
    const chunks = [page('https://retrain.example/a', 'Delete my account', 'Open settings and delete.'), page('https://retrain.example/b', 'Change my picture', 'Open your profile.')];
    const index = await KnowledgeIndex.build({ chunks, embeddings: new OfflineEmbeddings() });
    const train = vi.spyOn(PageClassifier, 'train');
    // Other tests' indexes retrain on their own timers: count this index's trainings only.
    const ours = () => train.mock.calls.filter(([examples]) => examples.some((e) => e.url.startsWith('https://retrain.example/'))).length;
    try {
      for (const question of ['remove my account', 'get rid of my account', 'new profile photo']) {
        await index.addLearned([{ question, url: `https://retrain.example/${question.includes('photo') ? 'b' : 'a'}`, learnedAt: '2026-01-01T00:00:00Z' }]);
      }
      expect(ours()).toBe(0);
      await expect.poll(ours, { timeout: 2_000 }).toBe(1);
      await index.search('remove my account');
      expect(ours()).toBe(1);
      // A retired index (replaced by a rebuild) does not retrain on its own.
      await index.addLearned([{ question: 'erase my account', url: 'https://retrain.example/a', learnedAt: '2026-01-01T00:00:00Z' }]);
      index.retire();
      await new Promise((r) => setTimeout(r, 400));
      expect(ours()).toBe(1);
    } finally {
      train.mockRestore();
    }
  });

  it('answers an English question from a Norwegian page rather than from the one English Q&A item', async () => {
    const chunks = [
      page('https://t.no/mistet', 'Mistet eller stjålet mobil', 'Har du mistet telefonen, sperrer vi SIM-kortet med en gang. Ring kundeservice eller sperr det i appen.'),
      page('https://t.no/usa', 'Mobil utenfor EU', 'I USA koster det 9 kr per minutt å ringe.'),
      page('https://t.no/usa', 'Mobil utenfor EU', 'Using your phone in the USA costs NOK 9 per minute.', { id: 'qa-usa', kind: 'qa', lang: 'en', answer: 'NOK 9 per minute.', questions: ['How much does it cost to use my phone in the USA?'] }),
    ];
    const index = await KnowledgeIndex.build({ chunks, embeddings: new OfflineEmbeddings() });
    // "lost" and "stolen" reach the page through the glossary ("mistet", "stjålet"), and count as
    // found words: the English Q&A item shares only "my phone" with the question.
    for (const q of ['I lost my phone, what should I do?', 'My phone was stolen']) {
      const [top] = await index.search(q);
      expect(top?.url).toBe('https://t.no/mistet');
      expect(top?.best.coverage).toBe(1);
      // Its vector similarity is that of the question with its translations ("mistet", "stjålet"):
      // the English words' own character n-grams meet nothing on the Norwegian page (~0.02-0.03).
      expect(top?.best.vector).toBeGreaterThan(0.2);
    }
  });
  it('never answers with a Q&A item about another named thing than the question asks about', async () => {
    const chunks = [
      page('https://t.no/eu', 'Mobil i EU', 'I EU og EØS, for eksempel i Sverige, Spania og Tyskland, bruker du mobilen som hjemme.'),
      page('https://t.no/verden', 'Mobil utenfor EU', 'Reiser du til USA eller Thailand, koster det 9 kr per minutt.'),
      page('https://t.no/verden', 'Mobil utenfor EU', 'Using your phone in the USA costs NOK 9 per minute.', { id: 'qa-usa', kind: 'qa', lang: 'en', answer: 'NOK 9 per minute.', questions: ['How much does it cost to use my phone in the USA?'] }),
      page('https://t.no/eu', 'Mobil i EU', 'Det koster det samme som hjemme.', { id: 'qa-spania', kind: 'qa', answer: 'Som hjemme.', questions: ['Hva koster det å bruke mobilen i Spania?'] }),
    ];
    const index = await KnowledgeIndex.build({ chunks, embeddings: new OfflineEmbeddings() });
    const hitsFor = async (q: string) => (await index.search(q)).flatMap((p) => p.hits.map((h) => h.chunk.id));
    expect((await index.search('How much does it cost to use my phone in the USA?'))[0]?.best.chunk.id).toBe('qa-usa');
    // "Spain" is "Spania" through the glossary: a name of this site, and not the Q&A item's.
    for (const q of ['How much does it cost to use my phone in Spain?', 'Hva koster det å bruke mobilen i Thailand?']) expect(await hitsFor(q)).not.toContain('qa-usa');
    // Nor does a question naming nothing: the item meets it only through the USA.
    const abroad = await index.search('How much does it cost to use my phone abroad?');
    expect(abroad.flatMap((p) => p.hits.map((h) => h.chunk.id))).not.toContain('qa-usa');
    expect(abroad.map((p) => p.url)).toContain('https://t.no/verden');
    // The page that names the country goes first, before the near-copy of the question about Spain.
    expect((await index.search('Hva koster det å bruke mobilen i Thailand?'))[0]?.url).toBe('https://t.no/verden');
  });
  it('answers a question in the site language from its pages, not from a Q&A item in the other language', async () => {
    const chunks = [
      page('https://t.no/usa', 'Mobil utenfor EU', 'I USA koster det 9 kr per minutt å ringe, og en datapakke koster 69 kr.'),
      page('https://t.no/usa', 'Mobil utenfor EU', 'Using your phone in the USA costs NOK 9 per minute.', { id: 'qa-usa', kind: 'qa', lang: 'en', answer: 'NOK 9 per minute.', questions: ['How much does it cost to use my phone in the USA?'] }),
      page('https://t.no/mistet', 'Mistet mobil', 'Har du mistet telefonen, sperrer vi SIM-kortet med en gang.'),
    ];
    const index = await KnowledgeIndex.build({ chunks, embeddings: new OfflineEmbeddings() });
    const [nb] = await index.search('Hva koster det å ringe hjem når jeg er i USA?');
    expect(nb?.url).toBe('https://t.no/usa');
    expect(nb?.hits.map((h) => h.chunk.id)).not.toContain('qa-usa');
    expect((await index.search('How much does it cost to use my phone in the USA?'))[0]?.best.chunk.id).toBe('qa-usa');
  });
  it('reads "aa", "oe" and "ae" typed without a Norwegian keyboard as å, ø and æ', async () => {
    const index = await KnowledgeIndex.build({ chunks: CHUNKS, embeddings: new OfflineEmbeddings() });
    const [top] = await index.search('aapningstider paa kundeservice');
    expect(top?.url).toBe('https://t.no/faq/apningstider');
    // "paa" is "på", a stop word, so only "aapningstider" and "kundeservice" count, and both are found.
    expect(top?.best.coverage).toBe(1);
  });
});
