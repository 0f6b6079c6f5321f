// The desktop's automatic backups: after every meeting closes, and once a day while Yishi is
// open (checked at start and every hour). Only where the shell offers a backup folder and the
// user has chosen one that is there; a missing USB stick skips the backup, never writes elsewhere.
import { useEffect } from 'react'
import type { AppEnv } from '../../kit/env'
import { backupDue, backupToFolder } from './actions'

export const MEETING_CLOSED_EVENT = 'yishi:meeting-closed'
const HOUR_MS = 60 * 60 * 1000

/** Tells the automatic backup that a meeting has just closed. */
export const announceMeetingClosed = (): void => void window.dispatchEvent(new Event(MEETING_CLOSED_EVENT))

export function useAutoBackup(env: AppEnv): void {
  useEffect(() => {
    const backups = env.platform.capability('backups')
    if (!backups) return
    let running = false
    const run = async (force: boolean) => {
      if (running) return
      running = true
      try {
        const status = await backups.status()
        if (status.folderState === 'ok' && (force || backupDue(status, env.now()))) await backupToFolder(env)
      } catch (e) {
        // The backup screen shows the folder's state; an automatic attempt only leaves a trace.
        console.warn('automatic backup failed', e)
      } finally {
        running = false
      }
    }
    void run(false)
    const timer = setInterval(() => void run(false), HOUR_MS)
    const onClosed = () => void run(true)
    window.addEventListener(MEETING_CLOSED_EVENT, onClosed)
    return () => {
      clearInterval(timer)
      window.removeEventListener(MEETING_CLOSED_EVENT, onClosed)
    }
  }, [env])
}
