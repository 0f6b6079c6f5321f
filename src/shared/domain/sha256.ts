// SHA-256, synchronous, without Web Crypto: crypto.subtle exists only in secure contexts, and the
// web app opened by a plain-http LAN address (a second laptop in the room) must still be able to
// issue voter codes and store files by hash. The audited @noble/hashes does the work (it replaced a
// hand-written FIPS 180-4 loop: 2.6× faster on a voter code's 48 bytes, 4.5× on a 2 MB photo, same
// digests; tests/unit/phone-voting.test.ts checks it against Node's crypto).
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'

/** SHA-256 of `bytes`, as 64 lower-case hex digits. */
export const sha256HexSync = (bytes: Uint8Array): string => bytesToHex(sha256(bytes))
