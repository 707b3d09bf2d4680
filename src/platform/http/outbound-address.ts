import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

/** Loopback, private, link-local, unique-local and the like: addresses of the network Gatehouse runs in. */
export function isPrivateAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() !== "unicast";
}

/** How a caller words a refusal: an example address, and why https, no password, no private address. */
export type OutboundWording = { example: string; httpsWhy: string; credentialsWhy: string; privateWhy: string };

/**
 * Why Gatehouse may not call this address on a district's behalf (server-side request forgery),
 * or null: not a full address, not https, a user name or password in it, or a host that names or
 * resolves to a private or local address. Every outbound call whose address a district gives
 * (webhooks, single sign-on) asks this when the address is saved and again before each call.
 * `allowPrivate` (an operator's setting) lets plain http and private addresses through.
 */
export async function outboundUrlProblem(url: string, allowPrivate: boolean, words: OutboundWording): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `Give a full web address, such as ${words.example}.`;
  }
  if (parsed.protocol !== "https:" && !(allowPrivate && parsed.protocol === "http:")) return words.httpsWhy;
  if (parsed.username || parsed.password) return words.credentialsWhy;
  if (allowPrivate) return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  const addresses = ipaddr.isValid(host) ? [host] : await lookup(host, { all: true }).then((r) => r.map((a) => a.address), () => null);
  if (addresses === null) return `${host} could not be found (DNS).`;
  if (addresses.some(isPrivateAddress)) return `${host} is a private or local address; ${words.privateWhy}`;
  return null;
}
