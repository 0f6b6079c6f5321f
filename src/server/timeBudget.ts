// Time spent over a sliding window, against a budget: what one connection's updates took
// (gateBudget.ts), and how long copying a document for its shadow took (costTrial.ts).

/** What was spent in the last `windowMs`. */
export class TimeBudget {
  // One entry per charge; callers charge at most a few thousand times per window.
  private readonly spent: { at: number; ms: number }[] = []
  private total = 0
  constructor(
    private readonly maxMs: number,
    private readonly windowMs = 10_000,
  ) {}

  /** Whether the window holds no more than the budget now. */
  within(now = performance.now()): boolean {
    while (this.spent.length > 0 && this.spent[0]!.at < now - this.windowMs) this.total -= this.spent.shift()!.ms
    return this.total <= this.maxMs
  }

  /**
   * Charges `ms`; false if the window already held more than the budget before it. So one big
   * piece of work (a device uploading a whole document) always passes when the window was quiet,
   * and at most the budget plus one piece (itself bounded) is spent per window.
   */
  charge(ms: number, now = performance.now()): boolean {
    const within = this.within(now)
    this.spent.push({ at: now, ms })
    this.total += ms
    return within
  }

  get spentMs(): number {
    return this.total
  }
}
