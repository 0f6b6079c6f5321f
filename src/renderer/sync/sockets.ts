// One HocuspocusProviderWebsocket per sync server address, shared by the providers of every open
// document synced through it (counted, and destroyed with the last), tracking its connection
// status and how many attempts failed in a row; and whether the device is online at all.
// Reconnecting is reconnect.ts's job, not Hocuspocus's (it says why).
import { HocuspocusProviderWebsocket, type WebSocketStatus } from '@hocuspocus/provider'
import { DEFAULT_RECONNECT, Reconnect, type ReconnectOptions } from './reconnect'

export type SocketOptions = Partial<ConstructorParameters<typeof HocuspocusProviderWebsocket>[0]>

export interface Socket {
  url: string
  ws: HocuspocusProviderWebsocket
  refs: number
  readonly status: WebSocketStatus
  /** Connection attempts that ended since the last good connection. */
  readonly failures: number
  /** When the next attempt starts (ms since the epoch), or null when none is waiting. */
  readonly retryAt: number | null
  reconnect: Reconnect
}

export class SocketPool {
  private sockets = new Map<string, Socket>()

  constructor(
    public online: boolean,
    private options: SocketOptions | undefined,
    /** Called whenever a socket's status changes. */
    private changed: () => void,
    private reconnectOptions: ReconnectOptions = DEFAULT_RECONNECT,
  ) {}

  get(url: string): Socket | undefined {
    return this.sockets.get(url)
  }

  /** The socket to `url`, made if there is none; the caller counts its reference in `refs`. */
  socketFor(url: string): Socket {
    const existing = this.sockets.get(url)
    if (existing) return existing
    // One attempt per connect(): Reconnect schedules the next one.
    const ws = new HocuspocusProviderWebsocket({ url, ...this.options, autoConnect: false, maxAttempts: 1 })
    const reconnect = new Reconnect(ws, this.reconnectOptions, this.online, this.changed)
    const socket: Socket = {
      url,
      ws,
      refs: 0,
      reconnect,
      get status() {
        return reconnect.status
      },
      get failures() {
        return reconnect.failures
      },
      get retryAt() {
        return reconnect.retryAt
      },
    }
    this.sockets.set(url, socket)
    return socket
  }

  /** Drops one reference; the last one closes the socket. */
  release(socket: Socket): void {
    socket.refs--
    if (socket.refs === 0) {
      this.sockets.delete(socket.url)
      socket.reconnect.stop()
      socket.ws.destroy()
    }
  }

  /** Connects or disconnects every socket at once (the caller then reports the change). */
  setOnline(online: boolean): void {
    this.online = online
    for (const s of this.sockets.values()) s.reconnect.setWanted(online)
  }

  /** Starts the waiting attempt to `url` at once ("retry now"). */
  retryNow(url: string): void {
    this.sockets.get(url)?.reconnect.retryNow()
  }
}
