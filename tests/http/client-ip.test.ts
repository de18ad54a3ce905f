import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientIp } from '../../src/http/client-ip.js';
import { visitorNetwork } from '../../src/conversations/visitor-network.js';

async function seen(proxies: number, forwarded?: string): Promise<string> {
  const app = new Hono().get('/', (c) => c.text(clientIp(c, proxies)));
  return (await app.request('/', { headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } })).text();
}

describe('clientIp', () => {
  it('takes the address the nearest trusted proxy saw, not what the client wrote further left', async () => {
    // nginx appends the peer to whatever X-Forwarded-For the client sent.
    expect(await seen(1, '10.9.9.9, 203.0.113.7')).toBe('203.0.113.7');
    expect(await seen(2, '10.9.9.9, 203.0.113.7, 192.168.1.2')).toBe('203.0.113.7');
    expect(await seen(2, '203.0.113.7')).toBe('203.0.113.7');
  });

  it('ignores the header when no proxy is trusted', async () => {
    expect(await seen(0, '203.0.113.7')).toBe('unknown');
    expect(await seen(1)).toBe('unknown');
  });
});

describe('visitorNetwork', () => {
  it('is one pseudonym per IPv4 address and per IPv6 /64, however the address is written', () => {
    expect(visitorNetwork('203.0.113.7')).toBe(visitorNetwork('::ffff:203.0.113.7'));
    expect(visitorNetwork('203.0.113.7')).not.toBe(visitorNetwork('203.0.113.8'));
    expect(visitorNetwork('2001:db8:0:1::5')).toBe(visitorNetwork('2001:0db8:0000:0001:ffff:0:0:9'));
    expect(visitorNetwork('2001:db8:0:1::5%eth0')).toBe(visitorNetwork('2001:db8:0:1::5'));
    expect(visitorNetwork('2001:db8:0:1::5')).not.toBe(visitorNetwork('2001:db8:0:2::5'));
    expect(visitorNetwork('2001:db8:0:1::5')).not.toContain('2001');
  });

  it('is undefined for an unknown address', () => {
    expect(visitorNetwork('unknown')).toBeUndefined();
    expect(visitorNetwork('')).toBeUndefined();
  });
});
