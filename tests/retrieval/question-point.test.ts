import { describe, expect, it } from 'vitest';
import { questionPoint } from '../../src/retrieval/question-point.js';

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

  it('leaves out words no chunk has, and is undefined when the site knows none', () => {
    const typo = word('tiim');
    expect(questionPoint([typo, butikk], [new Set(['butikk'])], chunksWith)?.words).toEqual([butikk]);
    expect(questionPoint([typo], [], chunksWith)).toBeUndefined();
  });
});
