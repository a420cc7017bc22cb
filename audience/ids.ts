/**
 * A random id from crypto.getRandomValues: crypto.randomUUID exists only on HTTPS,
 * and phones reach the speaker's laptop over plain HTTP on the venue's Wi-Fi.
 */
export function randomId(bytes = 16): string {
  const buf = new Uint8Array(bytes)
  crypto.getRandomValues(buf)
  return Array.from(buf, b => b.toString(16).padStart(2, '0')).join('')
}
