import type { Lang, WidgetConfig } from '../../src/protocol/widget-api.js';
import { chatIcon, h } from './dom.js';
import { safeHttpUrl } from './safe-url.js';
import { badgeText, type Strings } from './strings.js';
import { typingIndicator } from './typing.js';
import { botWorking } from './bot-working.js';

/** The widget's elements, built once: the launcher and the chat panel with its parts. */
export function panelView(config: WidgetConfig, t: Strings, lang: Lang) {
  const launcher = h('button', { class: 'launcher', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'lr-panel', 'aria-label': t.open, 'data-testid': 'launcher' }, chatIcon());
  const log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': t.title(config.botName), 'data-testid': 'log' });
  const agentTyping = h('span', { 'data-testid': 'typing' });
  const botTyping = h('span', { 'data-testid': 'bot-typing' });
  const typing = h('div', { class: 'typing', 'aria-live': 'polite' }, agentTyping, botTyping);
  const showTyping = typingIndicator(agentTyping, t.agentTyping);
  const working = botWorking((on) => void (botTyping.textContent = on ? t.botTyping : ''));
  const net = h('div', { class: 'net', role: 'status' });
  const status = h('div', {});
  const input = h('textarea', { id: 'lr-input', maxlength: '2000', 'data-testid': 'input' });
  input.setAttribute('placeholder', t.placeholder);
  const form = h('form', {}, h('label', { for: 'lr-input', class: 'sr' }, t.inputLabel), input, h('button', { class: 'send', type: 'submit', 'data-testid': 'send' }, t.send));
  const person = h('button', { class: 'person', type: 'button', 'data-testid': 'person' }, t.person);
  const closeBtn = h('button', { type: 'button', 'aria-label': t.close, 'data-testid': 'close' }, '×');
  const avatar = config.theme.avatarUrl ? safeHttpUrl(config.theme.avatarUrl) : null;
  const badge = config.badge.inTraining ? h('div', { class: 'badge', 'data-testid': 'badge' }, badgeText(config, lang)) : null;
  const panel = h(
    'div',
    { class: 'panel', id: 'lr-panel', role: 'dialog', 'aria-label': t.title(config.theme.name ?? config.botName), hidden: true, 'data-testid': 'panel' },
    h('header', {}, avatar ? h('img', { src: avatar, alt: '' }) : null, h('h2', {}, config.theme.name ?? config.botName), closeBtn),
    badge,
    log,
    typing,
    net,
    status,
    h('footer', {}, person, form),
  );
  return { launcher, log, showTyping, working, net, status, input, form, person, closeBtn, panel };
}
