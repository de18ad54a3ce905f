import { describe, expect, it } from 'vitest';
import { speaker } from '../../console/src/chat-tab.js';

describe('agent transcript speakers', () => {
  it('names who wrote each message, the signed-in agent as "You"', () => {
    expect(speaker({ role: 'customer' }, 'Kari')).toBe('Customer');
    expect(speaker({ role: 'bot' }, 'Kari')).toBe('Bot');
    expect(speaker({ role: 'agent', author: 'Kari' }, 'Kari')).toBe('You');
    expect(speaker({ role: 'agent', author: 'Ola' }, 'Kari')).toBe('Ola');
    expect(speaker({ role: 'system' }, 'Kari')).toBeNull();
  });
});
