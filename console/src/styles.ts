/** Console CSS, injected once at start (the page's CSP allows inline styles but no inline scripts). */
export const CONSOLE_CSS = `
* { box-sizing: border-box; }
/* Panels and notices set their own display; hidden must still win (restored chat tabs stacked up). */
[hidden] { display: none !important; }
body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: #1b1f24; background: #f6f8fa; }
button { font: inherit; cursor: pointer; border: 1px solid #8c959f; background: #fff; border-radius: 6px; padding: 4px 10px; }
button.primary { background: #0b5cad; color: #fff; border-color: #0b5cad; }
.top { display: flex; align-items: center; gap: 12px; padding: 8px 16px; background: #24292f; color: #fff; }
.top h1 { font-size: 16px; margin: 0; flex: 1; }
.layout { display: grid; grid-template-columns: 320px 1fr; height: calc(100vh - 44px); }
.queue { overflow-y: auto; border-right: 1px solid #d0d7de; padding: 8px; }
.queue h2 { font-size: 14px; margin: 8px 4px; }
.item { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 8px; margin-bottom: 8px; }
.item.frustrated { border-left: 4px solid #cf222e; }
.item .meta { color: #57606a; font-size: 12px; }
.tabs { display: flex; flex-direction: column; min-width: 0; }
[role=tablist] { display: flex; gap: 4px; padding: 6px 8px 0; border-bottom: 1px solid #d0d7de; flex-wrap: wrap; }
[role=tab] { border-radius: 6px 6px 0 0; border-bottom: 0; }
[role=tab][aria-selected=true] { background: #0b5cad; color: #fff; }
[role=tabpanel] { flex: 1; display: grid; grid-template-columns: 1fr 300px; min-height: 0; }
.transcript { overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 6px; }
.m { max-width: 80%; padding: 6px 10px; border-radius: 10px; white-space: pre-wrap; word-wrap: break-word; }
.m.customer { background: #fff; border: 1px solid #d0d7de; align-self: flex-start; }
.m.bot { background: #eef5ff; align-self: flex-end; }
.m.bot.abstain { background: #fff4d6; }
.m.agent { background: #0b5cad; color: #fff; align-self: flex-end; }
.m.agent a { color: #fff; }
.m.system { align-self: center; color: #57606a; font-size: 12px; }
.m .src { font-size: 12px; margin-top: 4px; }
.side { border-left: 1px solid #d0d7de; overflow-y: auto; padding: 10px; background: #fff; }
.side h3 { font-size: 13px; margin: 10px 0 4px; }
.compose { grid-column: 1; border-top: 1px solid #d0d7de; padding: 8px; display: flex; flex-direction: column; gap: 6px; background: #fff; }
.compose textarea { width: 100%; min-height: 60px; font: inherit; padding: 6px; }
.row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.notice { color: #8a1c1c; }
.typing { color: #57606a; font-size: 12px; min-height: 1.2em; }
.login { max-width: 320px; margin: 15vh auto; background: #fff; padding: 20px; border-radius: 10px; border: 1px solid #d0d7de; display: flex; flex-direction: column; gap: 8px; }
.login input { font: inherit; padding: 6px; }
.empty { color: #57606a; padding: 20px; }
[aria-current=true] { background: #0b5cad; color: #fff; border-color: #0b5cad; }
.top [aria-current=true] { background: #fff; color: #24292f; }
.toolbar { padding: 8px 16px; }
.knowledge form.row input { flex: 1; min-width: 280px; max-width: 640px; }
.sections { display: flex; gap: 4px; padding: 0 16px 8px; flex-wrap: wrap; border-bottom: 1px solid #d0d7de; }
.knowledge { padding: 12px 16px; max-width: 1100px; }
.knowledge h2 { font-size: 18px; margin: 4px 0 10px; }
.card { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 10px; margin: 8px 0; }
.card.stat strong { font-size: 22px; }
.card.answer { white-space: pre-line; }
.grid { border-collapse: collapse; width: 100%; background: #fff; margin: 6px 0; }
.grid th, .grid td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
.meta { color: #57606a; font-size: 12px; }
.qa-form { display: flex; flex-direction: column; gap: 6px; }
.qa-form label { display: flex; flex-direction: column; gap: 2px; }
.qa-form input, .qa-form textarea, .knowledge input { font: inherit; padding: 5px; }
.chart { width: 100%; max-width: 720px; background: #fff; border: 1px solid #d0d7de; }
.bars { display: flex; gap: 4px; align-items: flex-end; list-style: none; padding: 0; margin: 0; }
.bar { display: flex; flex-direction: column; align-items: center; font-size: 11px; width: 24px; position: relative; }
.bar div { width: 18px; background: #0b5cad; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* Below ~1000 px three columns left the transcript a sliver (148 px at 768 px): they stack, the
   queue on top and the context under the chat, and the page scrolls instead. */
@media (max-width: 1000px) {
  .layout { grid-template-columns: 1fr; height: auto; }
  .queue { border-right: 0; border-bottom: 1px solid #d0d7de; max-height: 40vh; }
  [role=tabpanel] { grid-template-columns: 1fr; }
  .transcript { max-height: 60vh; }
  .side { border-left: 0; border-top: 1px solid #d0d7de; }
}
/* Last, to win over any element's own shadow. Yellow alone is 1.8:1 on white: the dark inner
   ring makes every focus ring visible on light and dark backgrounds alike. */
:focus-visible { outline: 3px solid #f2b600; outline-offset: 2px; box-shadow: 0 0 0 2px #1b1f24; }
`;
