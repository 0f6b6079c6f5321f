// Whether the device has a network, as the browser reports it: 'online' and 'offline' on window
// (or any EventTarget the caller passes, which is how tests drive it).

export type NetworkEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>

/** Calls `onChange(true)` when the network comes back and `onChange(false)` when it goes; returns the stop. */
export function watchNetwork(target: NetworkEvents, onChange: (online: boolean) => void): () => void {
  const on = () => onChange(true)
  const off = () => onChange(false)
  target.addEventListener('online', on)
  target.addEventListener('offline', off)
  return () => {
    target.removeEventListener('online', on)
    target.removeEventListener('offline', off)
  }
}
