import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as cheerio from 'cheerio';

/** One StackFAQ FAQ page read straight from its HTML (benches that skip the crawler). */
export interface StackfaqPage {
  /** Site path, e.g. /faq/q017.html. */
  url: string;
  /** The page's question (main h1), trimmed. */
  title: string;
  /** The document title before its " | site" suffix, trimmed. */
  documentTitle: string;
  /** Each answer section: its heading and its paragraphs' text. */
  sections: Array<{ heading: string; paragraphs: string[] }>;
}

/** Every page of StackFAQ's site/faq, in file-name order. */
export async function readStackfaqPages(dir: string): Promise<StackfaqPage[]> {
  const faq = join(dir, 'site', 'faq');
  const files = (await readdir(faq)).filter((f) => f.endsWith('.html')).sort();
  return Promise.all(
    files.map(async (file) => {
      const $ = cheerio.load(await readFile(join(faq, file), 'utf8'));
      return {
        url: `/faq/${file}`,
        title: $('main h1').first().text().trim(),
        documentTitle: $('title').text().split('|')[0]!.trim(),
        sections: $('main section')
          .map((_, el) => ({ heading: $(el).find('h2').first().text().trim(), paragraphs: $(el).find('p').map((_, p) => $(p).text()).get() }))
          .get(),
      };
    }),
  );
}
