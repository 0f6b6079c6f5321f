// This device's Ed25519 key, made once and kept in IndexedDB as a non-extractable CryptoKey: it
// seals minutes and signs review opinions, and only its public half ever leaves the device.
import { exportPublicKey, generateDeviceKey } from '../../shared/minutes/seal'
import type { KeyPairLike } from '../../shared/minutes/webCrypto'
import type { DeviceKeyRow, YishiDb } from './db'

export interface DeviceKey {
  keyPair: KeyPairLike
  publicKey: string
}

/**
 * The device key, made on first use. Two windows asking at once both generate a pair, and the
 * transaction keeps whichever was stored first, so every window signs with the same key.
 */
export async function deviceKey(db: YishiDb, now: string): Promise<DeviceKey> {
  const existing = await db.deviceKeys.get('device')
  if (existing) return { keyPair: existing.keyPair as unknown as KeyPairLike, publicKey: existing.publicKey }
  const fresh = await generateDeviceKey()
  const row: DeviceKeyRow = { id: 'device', keyPair: fresh as unknown as CryptoKeyPair, publicKey: await exportPublicKey(fresh), createdAt: now }
  const kept = await db.transaction('rw', db.deviceKeys, async () => {
    const raced = await db.deviceKeys.get('device')
    if (raced) return raced
    await db.deviceKeys.add(row)
    return row
  })
  return { keyPair: kept.keyPair as unknown as KeyPairLike, publicKey: kept.publicKey }
}
