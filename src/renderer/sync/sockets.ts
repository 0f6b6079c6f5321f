// One HocuspocusProviderWebsocket per sync server address, shared by the providers of every open
// document synced through it (counted, and destroyed with the last), tracking its connection
// status and how many attempts failed in a row; and whether the device is online at all.
import { HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider'

export type SocketOptions = Partial<ConstructorParameters<typeof HocuspocusProviderWebsocket>[0]>

export interface Socket {
  url: string
  ws: HocuspocusProviderWebsocket
  refs: number
  status: WebSocketStatus
  /** Connection attempts that ended since the last good connection. */
  failures: number
  stop: () => void
}

export class SocketPool {
  private sockets = new Map<string, Socket>()

  constructor(
    public online: boolean,
    private options: SocketOptions | undefined,
    /** Called whenever a socket's status changes. */
    private changed: () => void,
  ) {}

  get(url: string): Socket | undefined {
    return this.sockets.get(url)
  }

  /** The socket to `url`, made if there is none; the caller counts its reference in `refs`. */
  socketFor(url: string): Socket {
    const existing = this.sockets.get(url)
    if (existing) return existing
    const ws = new HocuspocusProviderWebsocket({ url, autoConnect: this.online, ...this.options })
    const socket: Socket = { url, ws, refs: 0, status: WebSocketStatus.Disconnected, failures: 0, stop: () => {} }
    const onStatus = ({ status }: { status: WebSocketStatus }) => {
      if (status === WebSocketStatus.Disconnected && socket.status !== WebSocketStatus.Disconnected && this.online) socket.failures++
      if (status === WebSocketStatus.Connected) socket.failures = 0
      socket.status = status
      this.changed()
    }
    ws.on('status', onStatus)
    socket.stop = () => ws.off('status', onStatus)
    this.sockets.set(url, socket)
    return socket
  }

  /** Drops one reference; the last one closes the socket. */
  release(socket: Socket): void {
    socket.refs--
    if (socket.refs === 0) {
      this.sockets.delete(socket.url)
      socket.stop()
      socket.ws.destroy()
    }
  }

  /** Connects or disconnects every socket at once (the caller then reports the change). */
  setOnline(online: boolean): void {
    this.online = online
    for (const s of this.sockets.values()) {
      if (online) {
        s.failures = 0
        void s.ws.connect()
      } else s.ws.disconnect()
    }
  }
}
