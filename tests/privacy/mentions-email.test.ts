import { describe, expect, it } from 'vitest';
import { mentionsEmail } from '../../src/privacy/mentions-email.js';

describe('mentionsEmail', () => {
  it('finds the whole address, in any case, at the edges of a sentence', () => {
    expect(mentionsEmail('ola@nordmann.no', 'ola@nordmann.no')).toBe(true);
    expect(mentionsEmail('Skriv til Ola@Nordmann.no. Takk', 'ola@nordmann.no')).toBe(true);
    expect(mentionsEmail('(ola@nordmann.no), tlf …', 'OLA@nordmann.no ')).toBe(true);
    expect(mentionsEmail('e-post:ola@nordmann.no!', 'ola@nordmann.no')).toBe(true);
  });
  it('does not find it inside a longer address', () => {
    expect(mentionsEmail('min e-post er kari.ola@nordmann.no', 'ola@nordmann.no')).toBe(false);
    expect(mentionsEmail('jeg er ola@nordmann.no.com', 'ola@nordmann.no')).toBe(false);
    expect(mentionsEmail('kari+ola@nordmann.no og ola@nordmann.none', 'ola@nordmann.no')).toBe(false);
    expect(mentionsEmail('ola@nordmann.no-bedrift.no', 'ola@nordmann.no')).toBe(false);
  });
  it('finds a later whole mention after a longer one', () => {
    expect(mentionsEmail('kari.ola@nordmann.no, ellers ola@nordmann.no', 'ola@nordmann.no')).toBe(true);
  });
});
