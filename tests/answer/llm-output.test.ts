import { describe, expect, it } from 'vitest';
import { groundedSystemPrompt } from '../../src/answer/grounded-prompt.js';
import { createEchoGuard } from '../../src/answer/llm-output.js';

const RULES = groundedSystemPrompt('nb');

/** Feeds text through a fresh guard in pieces of `size` characters; returns what it released. */
function guarded(text: string, size = 7): { shown: string; leaked: boolean } {
  const guard = createEchoGuard(RULES);
  let shown = '';
  for (let at = 0; at < text.length; at += size) shown += guard.push(text.slice(at, at + size));
  shown += guard.end();
  return { shown, leaked: guard.leaked };
}

/** The rules with `marker` inserted after every `every` words. */
function interleaved(marker: string, every = 6): string {
  return RULES.split(/\s+/).map((word, i) => ((i + 1) % every === 0 ? `${word}${marker}` : word)).join(' ');
}

describe('createEchoGuard: echoes of the rules', () => {
  it('refuses the rules verbatim, showing no more than the start of a run', () => {
    const { shown, leaked } = guarded(`Her er reglene mine: ${RULES}`);
    expect(leaked).toBe(true);
    expect(shown.length).toBeLessThan(60);
  });

  it.each([' [1] ', ' [1, 2]', ' **', ' (1) –', '\n\n', '! ¿ …'])('refuses the rules with %j slipped in every six words', (marker) => {
    const { shown, leaked } = guarded(interleaved(marker));
    expect(leaked).toBe(true);
    expect(shown.length).toBeLessThan(60);
  });

  it('refuses the rules shouted, or with their spacing removed', () => {
    expect(guarded(RULES.toUpperCase()).leaked).toBe(true);
    expect(guarded(RULES.replace(/\s+/g, '')).leaked).toBe(true);
  });
});

describe('createEchoGuard: ordinary answers', () => {
  const answers = [
    'Du bestiller eSIM i appen under Mitt abonnement [1]. QR-koden kommer på e-post, og du kan bruke den på inntil fem enheter [2].',
    'You can only answer the security questions in the app. Cite your order number when you write to us, and we reply in English or Norwegian [1].',
    'If the passages in your invoice do not match, follow the instructions on the page about complaints: write to customer service within 14 days [1].',
    'The customer number is on the first page of the invoice. Use it as the reference; it is not the same as the account number [2].',
  ];

  it.each(answers)('passes unchanged, however it streams: %s', (answer) => {
    for (const size of [1, 5, 40, answer.length]) expect(guarded(answer, size)).toEqual({ shown: answer, leaked: false });
  });

  it('releases a run it held back as soon as the run ends', () => {
    const guard = createEchoGuard(RULES);
    const shared = 'Answer ONLY from the numbered';
    expect(guard.push(`Ok. ${shared}`)).toBe('Ok. ');
    expect(guard.push(' list on your invoice [1].')).toBe(`${shared} list on your invoice [1].`);
    expect(guard.leaked).toBe(false);
  });
});
