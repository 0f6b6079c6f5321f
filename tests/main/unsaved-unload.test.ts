// Closing or reloading the desktop window while a form holds unsaved input: main asks, in the
// user's language, and only "leave" lets the window go (window.ts askBeforeDiscardingInput).
import { describe, expect, it } from 'vitest'
import { askBeforeDiscardingInput, unsavedInputQuestion, type UnloadGuardedContents } from '../../src/main/window'
import { menuText } from '../../src/main/shellText'

function fakeContents() {
  let listener: ((e: { preventDefault(): void }) => void) | null = null
  const contents: UnloadGuardedContents = {
    on: (_event, l) => {
      listener = l
      return contents
    },
  }
  /** The page refused to unload: returns whether main let the window go anyway. */
  const refuse = () => {
    let overridden = false
    listener?.({ preventDefault: () => (overridden = true) })
    return overridden
  }
  return { contents, refuse }
}

describe('a window whose page holds unsaved input', () => {
  it('closes only when the person chooses to leave', () => {
    const answers = [false, true]
    const asked: number[] = []
    const { contents, refuse } = fakeContents()
    askBeforeDiscardingInput(contents, () => {
      asked.push(1)
      return answers.shift()!
    })
    expect(refuse()).toBe(false)
    expect(refuse()).toBe(true)
    expect(asked).toHaveLength(2)
  })

  it('asks in the interface language, with staying as the default and on Escape', () => {
    const zh = unsavedInputQuestion(menuText('zh-CN'))
    expect(zh.message).toBe('这一页还有没保存的输入。')
    expect(zh.buttons).toEqual(['离开，不保存', '留在这一页'])
    expect(zh.buttons[zh.defaultId]).toBe('留在这一页')
    expect(zh.buttons[zh.cancelId]).toBe('留在这一页')
    expect(unsavedInputQuestion(menuText('en')).buttons).toEqual(['Leave without saving', 'Stay on this page'])
    expect(unsavedInputQuestion(menuText('zh-TW')).message).not.toBe('dialog.unsavedMessage')
  })
})
