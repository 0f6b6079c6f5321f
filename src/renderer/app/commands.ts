// What the application menu and the meeting shortcuts do in the renderer. A meeting command
// presses the very button the secretary would (marked data-command), so a shortcut can never do
// what the screen would not allow at that moment; elsewhere it does nothing.
import { useEffect } from 'react'
import type { MenuCommand } from '../../shared/ipc'
import type { AppEnv } from '../kit/env'
import { navigate } from '../kit/router'

/** The commands that press a button of the meeting screen. */
const BUTTON_COMMANDS: readonly MenuCommand[] = ['previousAgendaItem', 'nextAgendaItem', 'toggleSpeakingTimer', 'recordSpeech', 'openVote', 'openProjector']

/** Presses the enabled button marked for `command` on the current screen; false when there is none. */
export function pressCommand(command: MenuCommand): boolean {
  const button = document.querySelector<HTMLButtonElement>(`[data-command~="${command}"]:not([disabled])`)
  if (!button) return false
  button.focus()
  button.click()
  return true
}

export function runCommand(env: AppEnv, command: MenuCommand): void {
  if (BUTTON_COMMANDS.includes(command)) {
    pressCommand(command)
    return
  }
  switch (command) {
    case 'newCouncil':
      navigate({ name: 'newCouncil' })
      return
    case 'reviewSubmissions':
      navigate({ name: 'review' })
      return
    case 'backupNow':
    case 'restoreBackup':
      navigate({ name: 'backup' })
      return
    case 'print':
      void env.platform.print()
      return
  }
}

/**
 * The meeting shortcuts in a browser, where there is no application menu: the desktop menu's
 * accelerators where a browser lets a page have them, and Alt+T for the timer (a browser keeps
 * Ctrl+T for a new tab).
 */
export function commandForKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): MenuCommand | null {
  const mod = e.ctrlKey || e.metaKey
  if (mod && !e.shiftKey && !e.altKey && e.key === '[') return 'previousAgendaItem'
  if (mod && !e.shiftKey && !e.altKey && e.key === ']') return 'nextAgendaItem'
  if (mod && e.shiftKey && !e.altKey && e.key.toLowerCase() === 's') return 'recordSpeech'
  if (mod && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'b') return 'openVote'
  if (e.altKey && !mod && !e.shiftKey && e.key.toLowerCase() === 't') return 'toggleSpeakingTimer'
  return null
}

/** Menu commands (desktop) and the meeting shortcuts (browser), for as long as the app runs. */
export function useCommands(env: AppEnv): void {
  useEffect(() => {
    const menu = env.platform.capability('menu')
    if (menu) return menu.onCommand((command) => runCommand(env, command))
    const onKey = (e: KeyboardEvent) => {
      const command = commandForKey(e)
      if (command && pressCommand(command)) e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [env])
}
