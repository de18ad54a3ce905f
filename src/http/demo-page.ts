import { html } from 'hono/html';

/**
 * The demo page: the customer widget, plus a plain form that shows the raw ask result. Answers are put into
 * the page with textContent only: answer text and titles come from crawled pages and are untrusted.
 */
export function demoPage(botName: string, widgetKey: string) {
  return html`<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${botName} · Lærling</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #1b1f24; }
  form { display: flex; gap: .5rem; }
  input { flex: 1; padding: .6rem .8rem; font: inherit; border: 1px solid #8c959f; border-radius: .5rem; }
  button { padding: .6rem 1rem; font: inherit; border: 0; border-radius: .5rem; background: #0b5cad; color: white; cursor: pointer; }
  .turn { margin: 1rem 0; padding: .8rem 1rem; border-radius: .75rem; background: #f3f5f8; }
  .q { font-weight: 600; }
  .meta { color: #57606a; font-size: .85rem; }
  ul { margin: .4rem 0 0; padding-left: 1.2rem; }
</style>
</head>
<body>
<h1>${botName}</h1>
<p>Spør om hva som helst — Lærling svarer fra kunnskapsbasen, med kilder, eller sier ærlig fra når den ikke vet.</p>
<form id="ask"><label for="q" hidden>Spørsmål</label>
<input id="q" name="q" autocomplete="off" placeholder="F.eks. Hvordan får jeg eSIM på klokka?" required maxlength="2000">
<button>Spør</button></form>
<div id="log" aria-live="polite"></div>
<script>
const form = document.getElementById('ask'), input = document.getElementById('q'), log = document.getElementById('log');
function el(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
function safeHref(url) { try { const u = new URL(url, location.href); return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null; } catch { return null; } }
form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const question = input.value.trim(); if (!question) return;
  input.value = '';
  const turn = el('div', 'turn'); turn.append(el('div', 'q', question)); const a = el('div', null, '…'); turn.append(a); log.prepend(turn);
  try {
    const res = await fetch('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
    const body = await res.json();
    if (!res.ok) { a.textContent = body.error ? body.error.message : 'Error'; return; }
    a.textContent = body.answer;
    if (body.sources.length) {
      const ul = el('ul');
      for (const s of body.sources) { const li = el('li'); const href = s.noPage ? null : safeHref(s.url); const link = el(href ? 'a' : 'span', null, s.noPage ? 'Q&A item: ' + s.title : s.title || s.url); if (href) { link.href = href; link.rel = 'noopener'; link.target = '_blank'; } li.append(link); ul.append(li); }
      turn.append(ul);
    }
    turn.append(el('div', 'meta', body.outcome + ' · confidence ' + body.confidence.toFixed(2) + ' · ' + body.ms.toFixed(1) + ' ms'));
  } catch (e) { a.textContent = 'Network error: ' + e.message; }
});
</script>
<script src="/widget.js" data-bot="${widgetKey}" async></script>
</body>
</html>`;
}
