// Keeps one server's WebSocket connected while the device is online, by our own short schedule
// (backoff.ts), instead of Hocuspocus's. Why Hocuspocus alone did not come back after a drop:
// - its connect() does nothing while it still believes the old socket is open, and it leaves
//   `shouldConnect` false after disconnect(); a socket closed while the network was gone may never
//   finish its closing handshake (Chromium keeps a WebSocket through an offline spell and holds
//   what arrives), so the status stayed "connected", and the late close, if any, reconnected nothing;
// - an attempt whose handshake is lost with the network stays "connecting" for ever (no timeout);
// - its retries grow to 30 s apart.
// So: a network change drops the old socket at once, a connection attempt has a deadline, and every
// retry is scheduled here, with its time known (the header shows it).
import { WebSocketStatus, type HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { backoffDelay, DEFAULT_BACKOFF, type Backoff } from './backoff'

export interface ReconnectOptions {
  backoff: Backoff
  /** An attempt not open by then is given up and counted as failed. */
  connectTimeoutMs: number
  /** A connection open this long was a working one: losing it is not a failed attempt. */
  stableMs: number
  random: () => number
  now: () => number
}

export const DEFAULT_RECONNECT: ReconnectOptions = { backoff: DEFAULT_BACKOFF, connectTimeoutMs: 5_000, stableMs: 5_000, random: Math.random, now: Date.now }

type Timer = ReturnType<typeof setTimeout>

export class Reconnect {
  status: WebSocketStatus
  /** Connection attempts that ended since the last good connection. */
  failures = 0
  /** When the next attempt starts (ms since the epoch), or null when none is waiting. */
  retryAt: number | null = null
  private retryTimer: Timer | null = null
  private deadline: Timer | null = null
  /** Set while this class closes the socket itself, so that closing is not counted as a failure. */
  private quiet = false
  /** When the current connection opened (ms since the epoch). */
  private connectedAt = 0

  constructor(
    private ws: HocuspocusProviderWebsocket,
    private options: ReconnectOptions,
    /** Whether the socket should be connected (the device is online). */
    private wanted: boolean,
    private changed: () => void,
  ) {
    this.status = ws.status
    ws.on('status', this.onStatus)
    if (wanted) this.attempt()
  }

  /** The network went or came back: whatever socket there was is from before, so it goes at once. */
  setWanted(wanted: boolean): void {
    this.wanted = wanted
    this.failures = 0
    this.clearTimers()
    this.close()
    if (wanted) this.attempt()
    else this.changed()
  }

  /** "Retry now": the waiting attempt starts at once. */
  retryNow(): void {
    if (this.wanted && this.status !== WebSocketStatus.Connected) this.attempt()
  }

  stop(): void {
    this.wanted = false
    this.clearTimers()
    this.ws.off('status', this.onStatus)
  }

  private onStatus = ({ status }: { status: WebSocketStatus }) => {
    const was = this.status
    this.status = status
    if (status === WebSocketStatus.Connected) {
      this.failures = 0
      this.connectedAt = this.options.now()
      this.clearTimers()
    } else if (status === WebSocketStatus.Disconnected) {
      if (this.deadline) clearTimeout(this.deadline)
      this.deadline = null
      // Hocuspocus would schedule its own reconnect right after this event; this class does it.
      this.ws.shouldConnect = false
      if (!this.quiet && this.wanted && was !== WebSocketStatus.Disconnected) {
        // A connection that had been up a while (Hocuspocus closes one that has been silent for
        // 30 s, which an idle council is) is tried again at once, and is no failure; one that
        // drops as soon as it opens is, or a server that does that would be knocked on in a loop.
        const lasted = was === WebSocketStatus.Connected && this.options.now() - this.connectedAt >= this.options.stableMs
        if (lasted && this.failures === 0) this.schedule(0)
        else {
          this.failures++
          this.schedule(backoffDelay(this.failures, this.options.backoff, this.options.random))
        }
      }
    }
    this.changed()
  }

  private attempt = (): void => {
    this.clearTimers()
    if (!this.wanted || this.status === WebSocketStatus.Connected) return this.changed()
    // A half-made attempt (its handshake lost) is dropped before the next one starts.
    this.close()
    this.deadline = setTimeout(() => {
      this.deadline = null
      // Counted as a failure and rescheduled by onStatus.
      if (this.status !== WebSocketStatus.Connected) this.ws.onClose({ event: { code: 4408, reason: 'connect timeout' } })
    }, this.options.connectTimeoutMs)
    // A failed attempt shows up as the status going back to disconnected; the rejection says no more.
    this.ws.connect().catch(() => {})
    this.changed()
  }

  private schedule(delay: number): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryAt = this.options.now() + delay
    this.retryTimer = setTimeout(this.attempt, delay)
  }

  /** Drops the current socket without waiting for a closing handshake that may never come. */
  private close(): void {
    if (this.ws.status === WebSocketStatus.Disconnected && !this.ws.webSocket) return
    this.ws.shouldConnect = false
    this.quiet = true
    try {
      // What Hocuspocus itself does when a socket has been silent too long: forget its listeners,
      // close it, and tell the providers (which mark themselves unsynced).
      this.ws.onClose({ event: { code: 4408, reason: 'network changed' } })
    } finally {
      this.quiet = false
    }
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    if (this.deadline) clearTimeout(this.deadline)
    this.retryTimer = null
    this.deadline = null
    this.retryAt = null
  }
}
