// The Storage object both backends return: documents and registry closed once, in order, then
// whatever the backend itself holds (the SQLite handle).
import type { DocumentBackend, RegistryBackend, Storage, StorageKind } from './storageTypes'

export function storageOf(kind: StorageKind, documents: DocumentBackend, registry: RegistryBackend, after?: () => void): Storage {
  let closing: Promise<void> | null = null
  return {
    kind,
    documents,
    registry,
    close: () =>
      (closing ??= (async () => {
        await documents.close()
        await registry.close()
        after?.()
      })()),
  }
}
