/** One Server-Sent Event as the widget uses it. */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * An incremental text/event-stream parser (the WHATWG rules the widget needs: event, data, id,
 * comments, CRLF/CR/LF line ends, chunks split anywhere). Feed it decoded text; it returns the
 * complete events so far and keeps the rest.
 */
export function createSseParser(): (chunk: string) => SseEvent[] {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | undefined;
  return (chunk) => {
    buffer += chunk;
    const out: SseEvent[] = [];
    let nl: RegExpExecArray | null;
    const lineEnd = /\r\n|\r|\n/g;
    let consumed = 0;
    while ((nl = lineEnd.exec(buffer))) {
      // A lone CR at the very end may be the first half of CRLF: wait for more.
      if (nl[0] === '\r' && nl.index === buffer.length - 1) break;
      const line = buffer.slice(consumed, nl.index);
      consumed = nl.index + nl[0].length;
      if (line === '') {
        if (data.length) out.push({ event: event || 'message', data: data.join('\n'), ...(id !== undefined ? { id } : {}) });
        event = '';
        data = [];
        id = undefined;
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id' && !value.includes('\0')) id = value;
    }
    buffer = buffer.slice(consumed);
    return out;
  };
}
