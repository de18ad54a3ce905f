import { describe, expect, it } from 'vitest';
import { classifyConversation, type ConversationFacts } from '../../src/learning/resolution-rate.js';

const base: ConversationFacts = { customerQuestions: 1, handedOff: false, anyHelpful: false, anyNotHelpful: false, rating: null, lastBotOutcome: 'answer', lastActivity: 0 };
const MIN = 60_000;

describe('classifyConversation (PRODUCT.md definitions)', () => {
  it('confirms on "helped" or a rating ≥ 7 without a handoff', () => {
    expect(classifyConversation({ ...base, anyHelpful: true }, 1)).toBe('confirmed');
    expect(classifyConversation({ ...base, rating: 7 }, 1)).toBe('confirmed');
    expect(classifyConversation({ ...base, rating: 6 }, 1)).toBe('pending');
    expect(classifyConversation({ ...base, anyHelpful: true, handedOff: true }, 1)).toBe('not-resolved');
  });
  it('assumes after 30 minutes of silence after an answer, never after an abstention or negative feedback', () => {
    expect(classifyConversation(base, 29 * MIN)).toBe('pending');
    expect(classifyConversation(base, 30 * MIN)).toBe('assumed');
    expect(classifyConversation({ ...base, lastBotOutcome: 'abstain' }, 30 * MIN)).toBe('not-resolved');
    expect(classifyConversation({ ...base, anyNotHelpful: true }, 30 * MIN)).toBe('not-resolved');
  });
  it('ignores conversations without a customer question', () => {
    expect(classifyConversation({ ...base, customerQuestions: 0 }, 60 * MIN)).toBeNull();
  });
});
