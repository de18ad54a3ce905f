import { describe, expect, it } from 'vitest';
import { groupGaps } from '../../src/learning/gap-groups.js';
import { namedTermsOf } from '../../src/retrieval/named-terms.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 10, minute)).toISOString();

describe('groupGaps', () => {
  const items = [
    { id: 'a', text: 'Kan jeg ta med hunden i butikken?', at: at(1) },
    { id: 'b', text: 'Er hunder lov i butikkene deres?', at: at(5) },
    { id: 'c', text: 'hund i butikken, går det an?', at: at(9) },
    { id: 'd', text: 'Selger dere gavekort?', at: at(2) },
    { id: 'e', text: 'Kan jeg kjøpe gavekort hos dere?', at: at(7) },
    { id: 'f', text: 'Hva er værmeldingen for i morgen?', at: at(3) },
  ];

  it('groups similar questions, largest first, with counts, examples and first/last seen', async () => {
    const groups = await groupGaps(items);
    expect(groups.map((g) => g.itemIds)).toEqual([['a', 'b', 'c'], ['d', 'e'], ['f']]);
    expect(groups[0]).toMatchObject({ key: 'a', count: 3, firstSeen: at(1), lastSeen: at(9) });
    expect(groups[0]!.examples).toHaveLength(3);
    expect(groups[0]!.examples).toContain(groups[0]!.label);
    expect(groups[0]!.examples[0]).toBe(groups[0]!.label);
  });

  it('is deterministic and handles no input', async () => {
    expect(await groupGaps([...items].reverse())).toEqual(await groupGaps(items));
    expect(await groupGaps([])).toEqual([]);
  });

  it('lets the event loop run while it groups many questions', async () => {
    const many = Array.from({ length: 1500 }, (_, i) => ({ id: `q${i}`, text: `${items[i % items.length]!.text} ${i % 97} variant ${i}`, at: at(i % 60) }));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const started = performance.now();
    await groupGaps(many);
    clearInterval(timer);
    // Only meaningful when the grouping took several slices; it does with 1500 questions.
    expect(performance.now() - started).toBeGreaterThan(60);
    expect(ticks).toBeGreaterThan(2);
  });

  it('keeps questions about different named things of the site apart', async () => {
    const named = namedTermsOf(['Betale med Vipps', 'Logge inn med BankID', 'eSIM på Apple Watch']);
    expect([...named].sort()).toEqual(['appl', 'bankid', 'vipp', 'watch']);
    expect(named.has('betal')).toBe(false);
    const items = [
      { id: 'a', text: 'Virker Vipps-betaling på fakturaen?', at: at(1) },
      { id: 'b', text: 'Virker BankID-betaling på fakturaen?', at: at(2) },
      { id: 'c', text: 'Kan jeg bruke Vipps til fakturaen?', at: at(3) },
    ];
    expect((await groupGaps(items)).map((g) => g.itemIds)).toEqual([['a', 'b', 'c']]);
    expect((await groupGaps(items, { namedTerms: named })).map((g) => g.itemIds)).toEqual([['a', 'c'], ['b']]);
  });

  it('keeps two needs about the same feature apart instead of chaining them through it', async () => {
    // Plain cosine linkage put all of these but one in a single group: every question shares
    // "eSIM" and "(smart)watch". Shared nearest neighbours see two needs.
    const activate = [
      'How do I activate eSIM on my smartwatch?', 'Activating the eSIM in my watch, how?',
      'my smartwatch esim will not activate, what do I do', 'Steps to activate an eSIM on a smartwatch?',
      'I cannot get the eSIM activated on the watch', 'activation of esim for smartwatch',
      'the watch says esim activation failed', 'how to set up and activate esim on a watch',
    ];
    const price = [
      'What does eSIM on a smartwatch cost per month?', 'Is there a monthly cost for the watch eSIM?',
      'how much does a smartwatch esim cost', 'Monthly price of eSIM for my watch?',
      'What is the price of a smartwatch eSIM?', 'does the esim on the watch cost extra each month',
      'esim for watch, what is the monthly fee', 'is a smartwatch esim free or do I pay for it',
    ];
    const items = [...activate, ...price].map((text, i) => ({ id: `${i < activate.length ? 'a' : 'p'}${i}`, text, at: at(i) }));
    const groups = (await groupGaps(items)).map((g) => g.itemIds.map((id) => id[0]!));
    expect(groups).toHaveLength(2);
    const majority = groups.map((ids) => (ids.filter((x) => x === 'a').length * 2 > ids.length ? 'a' : 'p'));
    expect(majority.sort()).toEqual(['a', 'p']);
    for (const ids of groups) {
      const a = ids.filter((x) => x === 'a').length;
      expect(Math.max(a, ids.length - a) / ids.length).toBeGreaterThanOrEqual(0.75);
    }
  });
});
