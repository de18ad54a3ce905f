import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * A pseudonym of the network an address belongs to, or undefined when the address is unknown.
 * IPv4 counts per address; IPv6 per /64, the block one household or phone is given, so that
 * rotating through its addresses does not make one visitor many. Only a hash is kept: learning
 * needs to compare networks, never to know them.
 */
export function visitorNetwork(address: string): string | undefined {
  const ip = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  let network: string | undefined;
  if (isIPv4(ip)) network = ip;
  else if (mapped && isIPv4(mapped)) network = mapped;
  else if (isIPv6(ip)) network = `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
  return network && createHash('sha256').update(`laerling-visitor\n${network}`).digest('base64url').slice(0, 22);
}

/** The eight groups of an IPv6 address, "::" filled in, without leading zeros. */
function expandIPv6(ip: string): string[] {
  const [head = '', tail] = ip.toLowerCase().split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => g.replace(/^0+(?=.)/, '')));
  if (tail === undefined) return groups(head);
  const [left, right] = [groups(head), groups(tail)];
  return [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
}
