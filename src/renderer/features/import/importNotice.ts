// What an import did ("已导入 30 名成员，更新 1 名"), carried across the navigation back to the
// register so the list the secretary lands on says it. Kept in sessionStorage so a reload of the
// register right after still shows it once; read on mount, cleared after the first paint.
import { useEffect, useState } from 'react'

const KEY = 'yishi.importNotice'

interface Stored {
  where: string
  text: string
}

export function setImportNotice(where: string, text: string): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ where, text } satisfies Stored))
  } catch {
    // A browser refusing storage only loses the message; the import itself is stored.
  }
}

function peek(where: string): string | null {
  try {
    const raw = sessionStorage.getItem(KEY)
    const v = raw ? (JSON.parse(raw) as Partial<Stored>) : null
    return v && v.where === where && typeof v.text === 'string' ? v.text : null
  } catch {
    return null
  }
}

/** The notice left for `where` (e.g. "members:<councilId>"), shown until the caller replaces it. */
export function useImportNotice(where: string): [string | null, (text: string | null) => void] {
  // Peeked in the initialiser (run twice under StrictMode, so it must not consume), cleared in an effect.
  const [notice, setNotice] = useState<string | null>(() => peek(where))
  useEffect(() => {
    if (peek(where) !== null) sessionStorage.removeItem(KEY)
  }, [where])
  return [notice, setNotice]
}
