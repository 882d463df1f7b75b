import { authParams, signTimestamp, unixSeconds } from '../../../server/src/gengo';

/*
 * Vectors computed independently of this code, in the shell, with OpenSSL:
 *   printf '%s' 1700000000 | openssl dgst -sha1 -hmac privatekey
 * (`printf '%s'` so that no newline is signed). The long key is 'x' × 100 (longer than the
 * 64-byte SHA-1 block, so HMAC hashes it first).
 */
const VECTORS: Array<[key: string, ts: number, sig: string]> = [
  ['privatekey', 1700000000, '592a1733d99eab4db54117cf0d1bd96d5f5acce6'],
  ['your_private_key', 1378703629, '3b7a69e8cc2d1b187d5eed83235e0925033dc932'],
  ['k€y-ünïcode', 0, '01d073595839f67089bc69ad31c12b61b414da31'],
  ['abc', 1234567890, '34328003667a18cf30032acc129caca402c545e3'],
  ['x'.repeat(100), 1700000001, '384a9d5aa299a8b5227cce47435ca5266f9e5a40'],
];

describe('Gengo signing', () => {
  it.each(VECTORS)('HMAC-SHA1 of ts keyed with %j at %i', (key, ts, sig) => {
    expect(signTimestamp(key, ts)).toBe(sig);
    expect(signTimestamp(key, String(ts))).toBe(sig);
  });

  it('signs lowercase hex of 40 characters', () => {
    expect(signTimestamp('K', 1)).toMatch(/^[0-9a-f]{40}$/);
  });

  it('ts is whole Unix seconds, rounded down', () => {
    expect(unixSeconds(1700000000999)).toBe(1700000000);
    expect(unixSeconds(1700000001000)).toBe(1700000001);
  });

  it('builds api_key, ts and the signature of exactly that ts', () => {
    expect(authParams('pub', 'privatekey', 1700000000_500)).toEqual({
      api_key: 'pub',
      ts: '1700000000',
      api_sig: '592a1733d99eab4db54117cf0d1bd96d5f5acce6',
    });
  });
});
