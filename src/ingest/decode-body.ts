/** Turning fetched bytes into text in the charset the page declares. */

/** Decode an HTML body using the Content-Type charset, else a <meta> charset, else UTF-8. */
export function decodeHtml(body: Buffer, contentType: string | undefined): string {
  const declared = charsetOf(contentType) ?? metaCharset(body);
  return decoderFor(declared).decode(body);
}

function charsetOf(contentType: string | undefined): string | undefined {
  const match = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return match?.[1];
}

// Browsers look for <meta charset> within the first 1024 bytes; so do we.
function metaCharset(body: Buffer): string | undefined {
  const head = body.subarray(0, 1024).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return match?.[1];
}

function decoderFor(label: string | undefined): TextDecoder {
  try {
    return new TextDecoder(label ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** The media type of a Content-Type header, lower-case, without parameters. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
