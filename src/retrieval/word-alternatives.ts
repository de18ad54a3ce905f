import type { Analyzer } from './analyze-text.js';
import type { MatchWord, QueryWord } from './term-overlap.js';
import { createSynonymExpander, type SynonymExpander } from './synonyms.js';
import { createTermTranslator, type TermTranslator } from './translate-terms.js';

/** Where a word's same-meaning alternatives come from. */
export interface AlternativeSources {
  synonyms?: SynonymExpander;
  translator?: TermTranslator;
}

/**
 * Index terms of a word's synonyms and nb↔en glossary translations ("åpningstid" for "åpent",
 * "mistet" for "lost"): of one word as alternatives, of several ("data plan") as a group.
 */
export function wordAlternatives(word: string, analyzer: Analyzer, from: AlternativeSources): Required<Pick<MatchWord, 'alternatives' | 'groups'>> {
  const texts = [...(from.synonyms?.expand(word) ?? []), ...(from.translator?.translate(word) ?? [])];
  const alternatives = new Set<string>();
  const groups = new Map<string, string[][]>();
  for (const text of texts) {
    const words = analyzer.contentWords(text).map((w) => w.terms);
    if (words.length === 1) for (const t of words[0]!) alternatives.add(t);
    else if (words.length > 1) groups.set(JSON.stringify(words), words);
  }
  return { alternatives: [...alternatives], groups: [...groups.values()] };
}

let shared: Required<AlternativeSources> | undefined;

/** The process's one synonym expander and glossary translator (pure, built on first use). */
export function sharedAlternativeSources(): Required<AlternativeSources> {
  shared ??= { synonyms: createSynonymExpander(), translator: createTermTranslator() };
  return shared;
}

/** A text's content words, each with its synonyms' and translations' terms (see wordAlternatives). */
export function queryWordsOf(text: string, analyzer: Analyzer): QueryWord[] {
  return analyzer.contentWords(text).map((w) => ({ ...w, ...wordAlternatives(w.word, analyzer, sharedAlternativeSources()) }));
}
