// One chain of async tasks per key: a task starts when the one before it under the same key has
// settled (fulfilled or not). The stores of one document file (fileStorage.ts) and everything that
// changes one phone vote (ballots.ts) run this way.
export class KeyedMutex {
  /** Per key: the end of its chain (never rejects); dropped once the chain is idle. */
  private readonly tails = new Map<string, Promise<void>>()

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task)
    const tail = result.then(
      () => {},
      () => {},
    )
    this.tails.set(key, tail)
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    })
    return result
  }

  /** Resolves once every chain is idle, including tasks queued while waiting. */
  async settle(): Promise<void> {
    while (this.tails.size) await Promise.all(this.tails.values())
  }
}
