/**
 * Removes what is on every page but is not the page's content: navigation, site header and
 * footer, sidebars, cookie banners, scripts and invisible elements. Runs before the main
 * content is chosen, so the text-density fallback only sees real candidates.
 */

import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';

const NEVER_CONTENT = 'script, style, noscript, template, svg, canvas, form, iframe, object, embed, select, input, textarea, dialog, link, meta';
const HIDDEN = '[hidden], [aria-hidden="true"], [aria-hidden=true]';
const CHROME = 'nav, aside, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search]';
const CONSENT = /cookie|consent|gdpr/i;
// A "cookies" section with a heading on a privacy page is content; a banner or dialog is not.
const BANNER = /banner|bar\b|notice|popup|modal|dialog|overlay|wall|notification|cookiebot|onetrust|consent|gdpr/i;
const SKIP = /breadcrumb|skip-link|skip-to|skiplink/i;

/** Strip non-content elements from the document in place. */
export function removeBoilerplate($: CheerioAPI): void {
  // FAQ accordions hide their answers until a button opens them: those panels are content.
  const controlled = $('[aria-controls]').toArray().flatMap((el) => (el.attribs['aria-controls'] ?? '').split(/\s+/));
  const toggled = new Set(controlled.filter(Boolean));
  const isPanel = (el: Element): boolean => toggled.has(el.attribs.id ?? '');
  $('button').filter((_, el) => el.attribs['aria-controls'] === undefined && el.attribs['aria-expanded'] === undefined).remove();
  $(NEVER_CONTENT).remove();
  $(HIDDEN).filter((_, el) => !isPanel(el)).remove();
  $('[style]')
    .filter((_, el) => !isPanel(el) && /display\s*:\s*none|visibility\s*:\s*hidden/i.test($(el).attr('style') ?? ''))
    .remove();
  $('*')
    .filter((_, el) => el.type === 'tag' && (isConsentBanner($, el) || SKIP.test(idAndClass(el))))
    .remove();
  $(CHROME).remove();
  // A header inside an article usually holds its h1; only the site header is chrome.
  $('header, footer').filter((_, el) => $(el).parents('main, article, [role=main]').length === 0 || el.name === 'footer').remove();
}

function isConsentBanner($: CheerioAPI, el: Element): boolean {
  if (['html', 'body', 'main', 'article'].includes(el.name)) return false;
  const label = `${idAndClass(el)} ${el.attribs['aria-label'] ?? ''} ${el.attribs['aria-labelledby'] ?? ''}`;
  if (!CONSENT.test(label)) return false;
  const role = el.attribs.role ?? '';
  if (role === 'dialog' || role === 'alertdialog' || BANNER.test(label)) return true;
  return $(el).find('h1, h2, h3, h4').length === 0;
}

function idAndClass(el: Element): string {
  return `${el.attribs.id ?? ''} ${el.attribs.class ?? ''}`;
}
