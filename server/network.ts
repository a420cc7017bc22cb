import { networkInterfaces } from 'node:os'

const PRIVATE_IPV4 = /^(?:10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.)/
const TRAILING_SLASH = /\/$/

/**
 * The address phones on the same Wi-Fi can reach: the first private IPv4 address
 * of an interface that is up, or localhost when the laptop is offline.
 */
export function lanAddress(interfaces = networkInterfaces()): string {
  const candidates = Object.values(interfaces).flat().filter(i => i && i.family === 'IPv4' && !i.internal)
  const isPrivate = (ip: string) => PRIVATE_IPV4.test(ip)
  const best = candidates.find(i => isPrivate(i!.address)) ?? candidates[0]
  return best?.address ?? 'localhost'
}

export interface PublicUrls {
  base: string
  audience: string
  /** The presenter's sign-in link: it carries the token once, then lands on a clean address. */
  presenter: string
  /** The same, for the presenter's phone: it lands on the remote. */
  remote: string
  /** The presenter's sessions page, on this laptop (signs in on the way). */
  sessions: string
}

export function publicUrls(port: number, token: string, publicUrl?: string, host = lanAddress()): PublicUrls {
  const base = (publicUrl ?? `http://${host}:${port}`).replace(TRAILING_SLASH, '')
  return {
    base,
    audience: `${base}/vote`,
    presenter: `http://localhost:${port}/api/presenter/login?token=${encodeURIComponent(token)}`,
    remote: `${base}/api/presenter/login?token=${encodeURIComponent(token)}&next=remote`,
    sessions: `http://localhost:${port}/api/presenter/login?token=${encodeURIComponent(token)}&next=sessions`,
  }
}
