/** Where the panel fills the screen (and is modal): the media query in `styles` and the focus trap share it. */
export const FULL_SCREEN = '(max-width: 480px)';

/** The widget's CSS, injected into its Shadow DOM so the host page's styles can't leak in or out. */
export const styles = (color: string) => `
/* The reader's own text size (medium is the browser's setting, whatever the page's root font size,
   e.g. Bootstrap 3's 10px): 15 px at the default 16 px. Sizes inside are em of that. */
:host { all: initial; --c: ${color}; font: medium/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1f24; }
.launcher, .panel { font-size: .9375em; }
* { box-sizing: border-box; }
button, input, textarea { font: inherit; }
.launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; width: 60px; height: 60px; border-radius: 50%; border: 0; background: var(--c); color: #fff; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); display: grid; place-items: center; }
.panel { position: fixed; right: 20px; bottom: 92px; z-index: 2147483000; width: 380px; max-width: calc(100vw - 40px); height: 600px; max-height: calc(100vh - 112px); display: flex; flex-direction: column; background: #fff; border-radius: 14px; box-shadow: 0 8px 30px rgba(0,0,0,.3); overflow: hidden; }
.panel[hidden] { display: none; }
header { background: var(--c); color: #fff; padding: 10px 12px; display: flex; gap: 10px; align-items: center; }
header img { width: 32px; height: 32px; border-radius: 50%; }
header h2 { font-size: 1.0667em; margin: 0; flex: 1; }
header button { background: transparent; border: 0; color: #fff; font-size: 1.4667em; cursor: pointer; min-width: 44px; min-height: 44px; }
.badge { background: #fff4d6; color: #5c4300; font-size: .8667em; padding: 6px 12px; border-bottom: 1px solid #f0dca0; }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 85%; padding: 8px 11px; border-radius: 12px; white-space: pre-wrap; word-wrap: break-word; }
.msg.customer { align-self: flex-end; background: var(--c); color: #fff; }
.msg.customer a { color: #fff; }
.msg.bot, .msg.agent { align-self: flex-start; background: #f0f2f5; }
.msg.agent { border-left: 3px solid var(--c); }
.msg.system { align-self: center; background: transparent; color: #57606a; font-size: .8667em; text-align: center; }
.msg.pending { opacity: .6; }
.who { display: block; font-size: .8em; color: #57606a; margin-bottom: 2px; }
.sources { margin: 6px 0 0; padding-left: 18px; font-size: .8667em; }
.sources.cited { list-style: none; padding-left: 0; }
.cite { font-variant-numeric: tabular-nums; }
.feedback { display: flex; gap: 6px; align-items: center; font-size: .8667em; margin-top: 6px; }
.feedback button, .chip { border: 1px solid #8c959f; background: #fff; border-radius: 999px; padding: 3px 12px; cursor: pointer; min-height: 32px; }
.status { padding: 8px 12px; font-size: .9333em; background: #eef5ff; border-top: 1px solid #d0e2ff; }
.status form { display: flex; gap: 6px; margin-top: 6px; flex-wrap: wrap; }
.status input[type=email], .status textarea { flex: 1; min-width: 0; padding: 6px 8px; border: 1px solid #8c959f; border-radius: 8px; }
.status .error { margin: 4px 0 0; font-size: .9286em; color: #8a1c1c; }
.status .error:empty { display: none; }
.scale { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 6px; }
.scale button { width: 34px; height: 34px; border: 1px solid #8c959f; border-radius: 6px; background: #fff; cursor: pointer; }
.scale button[aria-checked=true] { background: var(--c); color: #fff; }
.typing { font-size: .8667em; color: #57606a; padding: 0 12px 4px; min-height: 1.2em; }
.net { font-size: .8667em; color: #8a1c1c; padding: 2px 12px; }
footer { border-top: 1px solid #d0d7de; padding: 8px; display: flex; flex-direction: column; gap: 6px; }
footer form { display: flex; gap: 6px; }
footer textarea { flex: 1; resize: none; height: 42px; padding: 9px 10px; border: 1px solid #8c959f; border-radius: 10px; }
footer .send, .status .primary { background: var(--c); color: #fff; border: 0; border-radius: 10px; padding: 0 14px; cursor: pointer; min-height: 42px; }
.person[hidden] { display: none; }
.person { align-self: flex-start; background: transparent; border: 0; color: var(--c); text-decoration: underline; cursor: pointer; padding: 2px 4px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* Full screen: the launcher would sit under the panel, unseen but still in the Tab order. */
@media ${FULL_SCREEN} { .panel { inset: 0; width: 100vw; max-width: none; height: 100%; max-height: none; border-radius: 0; } .launcher[aria-expanded=true] { display: none; } }
/* Last, to win over the launcher's own shadow. Yellow alone is 1.8:1 on white: the dark inner
   ring makes every focus ring visible on light and dark backgrounds alike. */
:focus-visible { outline: 3px solid #f2b600; outline-offset: 2px; box-shadow: 0 0 0 2px #1b1f24; }
@media (prefers-reduced-motion: no-preference) { .panel { animation: pop .15s ease-out; } @keyframes pop { from { transform: translateY(8px); opacity: 0; } } }
`;
