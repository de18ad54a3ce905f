import { describe, expect, it } from 'vitest';
import { groupGaps, namedTermsOf } from '../../src/learning/gap-groups.js';

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

  it('groups similar questions, largest first, with counts, examples and first/last seen', () => {
    const groups = groupGaps(items);
    expect(groups.map((g) => g.itemIds)).toEqual([['a', 'b', 'c'], ['d', 'e'], ['f']]);
    expect(groups[0]).toMatchObject({ key: 'a', count: 3, firstSeen: at(1), lastSeen: at(9) });
    expect(groups[0]!.examples).toHaveLength(3);
    expect(groups[0]!.examples).toContain(groups[0]!.label);
    expect(groups[0]!.examples[0]).toBe(groups[0]!.label);
  });

  it('is deterministic and handles no input', () => {
    expect(groupGaps([...items].reverse())).toEqual(groupGaps(items));
    expect(groupGaps([])).toEqual([]);
  });

  it('keeps questions about different named things of the site apart', () => {
    const named = namedTermsOf(['Betale med Vipps', 'Logge inn med BankID', 'eSIM på Apple Watch']);
    expect([...named].sort()).toEqual(['appl', 'bankid', 'vipp', 'watch']);
    expect(named.has('betal')).toBe(false);
    const items = [
      { id: 'a', text: 'Virker Vipps-betaling på fakturaen?', at: at(1) },
      { id: 'b', text: 'Virker BankID-betaling på fakturaen?', at: at(2) },
      { id: 'c', text: 'Kan jeg bruke Vipps til fakturaen?', at: at(3) },
    ];
    expect(groupGaps(items).map((g) => g.itemIds)).toEqual([['a', 'b', 'c']]);
    expect(groupGaps(items, { namedTerms: named }).map((g) => g.itemIds)).toEqual([['a', 'c'], ['b']]);
  });
});
