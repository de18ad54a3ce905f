import type { Analyzer } from './analyze-text.js';
import { createSynonymExpander, type SynonymExpander } from './synonyms.js';
import { createTermTranslator, type TermTranslator } from './translate-terms.js';

/** Where a word's same-meaning alternatives come from. */
export interface AlternativeSources {
  synonyms?: SynonymExpander;
  translator?: TermTranslator;
}

/** Index terms of a word's synonyms and nb↔en glossary translations ("åpningstid" for "åpent", "mistet" for "lost"). */
export function wordAlternatives(word: string, analyzer: Analyzer, from: AlternativeSources): string[] {
  const texts = [...(from.synonyms?.expand(word) ?? []), ...(from.translator?.translate(word) ?? [])];
  return [...new Set(analyzer.contentWords(texts.join(' ')).flatMap((w) => w.terms))];
}

let shared: Required<AlternativeSources> | undefined;

/** The process's one synonym expander and glossary translator (pure, built on first use). */
export function sharedAlternativeSources(): Required<AlternativeSources> {
  shared ??= { synonyms: createSynonymExpander(), translator: createTermTranslator() };
  return shared;
}
