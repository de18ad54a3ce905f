import { LaerlingChat } from './chat-element.js';

// The script tag itself says where the API is (its own origin) and which bot (data-bot).
const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[data-bot]');
if (script && !customElements.get('laerling-chat')) {
  customElements.define('laerling-chat', LaerlingChat);
  const el = document.createElement('laerling-chat');
  el.dataset.base = new URL(script.src, location.href).origin;
  el.dataset.key = script.dataset.bot ?? '';
  const mount = () => document.body.append(el);
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
}
