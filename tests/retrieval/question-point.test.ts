import { describe, expect, it } from 'vitest';
import { frameWords, questionPoint } from '../../src/retrieval/question-point.js';

const word = (...terms: string[]) => ({ terms });

describe('questionPoint', () => {
  const lang = word('lang');
  const time = word('time');
  const butikk = word('butikk');
  const chunksWith = (t: string) => ({ lang: 3, time: 1, butikk: 8 })[t] ?? 0;

  it('picks the word in the fewest chunks and the best coverage by a chunk that has it', () => {
    const point = questionPoint([lang, time, butikk], [new Set(['lang']), new Set(['time', 'butikk']), new Set(['lang', 'butikk'])], chunksWith);
    expect(point?.words).toEqual([time]);
    expect(point?.coverage).toBeCloseTo(2 / 3);
  });

  it('counts a compound the site never writes whole by the retrieved chunks with all its parts', () => {
    const sperre = word('sperr');
    const bankkort = { terms: ['bankkort'], groups: [[['bank'], ['kort']]] };
    const counts = (t: string) => ({ sperr: 3, bank: 4, kort: 6 })[t] ?? 0;
    const chunks = [new Set(['sperr', 'kort']), new Set(['sperr', 'kort']), new Set(['sperr', 'bank', 'kort'])];
    // One chunk has both "bank" and "kort": rarer than "sperre" (3), though "bank" alone is in 4.
    const point = questionPoint([sperre, bankkort], chunks, counts);
    expect(point?.words).toEqual([bankkort]);
    expect(point?.coverage).toBe(1);
  });

  it('leaves out words no chunk has, and is undefined when the site knows none', () => {
    const typo = word('tiim');
    expect(questionPoint([typo, butikk], [new Set(['butikk'])], chunksWith)?.words).toEqual([butikk]);
    expect(questionPoint([typo], [], chunksWith)).toBeUndefined();
  });

  it('counts a word by its commonest stem, the one that meets all its forms', () => {
    // "ringer": the English stem "ringer" is in 6 chunks, the Norwegian "ring" (ring, ringe, ringer) in 22.
    const ringer = word('ringer', 'ring');
    const kundeservice = word('kundeservic');
    const counts = (t: string) => ({ ringer: 6, ring: 22, kundeservic: 11 })[t] ?? 0;
    expect(questionPoint([ringer, kundeservice], [new Set(['ring', 'kundeservic'])], counts)?.words).toEqual([kundeservice]);
  });

  it('never takes a word that frames the question for its point', () => {
    // "lang" of "hvor lang tid" is as rare as "avtalegiro" (questions ask for durations, pages state them).
    const words = [{ word: 'lang', terms: ['lang'] }, { word: 'tid', terms: ['tid'] }, { word: 'avtalegiro', terms: ['avtalegiro'] }];
    const frame = frameWords('Hvor lang tid tar det før AvtaleGiro er aktiv?', words);
    expect([...frame].map((w) => w.word)).toEqual(['lang', 'tid']);
    const counts = (t: string) => ({ lang: 3, tid: 9, avtalegiro: 3 })[t] ?? 0;
    const chunks = [new Set(['avtalegiro']), new Set(['lang', 'tid'])];
    expect(questionPoint(words, chunks, counts)?.words).toEqual([words[0], words[2]]);
    expect(questionPoint(words, chunks, counts, frame)?.words).toEqual([words[2]]);
    expect(frameWords('how long does it take', [{ word: 'long' }, { word: 'take' }])).toEqual(new Set([{ word: 'long' }]));
  });

  it('frames the unit and verb of "hvor lang tid tar det", but not what "hvor mye" asks about', () => {
    const framed = (question: string, words: string[]) => [...frameWords(question, words.map((word) => ({ word })))].map((w) => w.word);
    // With "tid" and "tar" left in, "tid" was the point and the porting item ("Hvor lang tid tar
    // det å flytte nummeret?") answered the question about fiber.
    expect(framed('Hvor lang tid tar det å få fiber?', ['lang', 'tid', 'tar', 'få', 'fiber'])).toEqual(['lang', 'tid', 'tar']);
    expect(framed('Hvor finner jeg PUK-koden?', ['finner', 'puk', 'koden'])).toEqual(['finner']);
    // "mye" is a stop word: "data" is what the question asks about.
    expect(framed('Hvor mye data har jeg igjen?', ['data', 'igjen'])).toEqual([]);
    expect(framed('Hvor mange dager tar det?', ['dager', 'tar'])).toEqual(['dager', 'tar']);
    // Of the same shape, but "datapakke" is what it asks about.
    expect(framed('Hvor stor datapakke kan man kjøpe?', ['stor', 'datapakke', 'kjøpe'])).toEqual(['stor']);
  });
});
