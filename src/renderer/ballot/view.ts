// Draws a State of the ballot page with plain DOM. Every text from the host (the motion) goes in
// through textContent, never innerHTML. Large type and targets: this is read on a phone, at arm's
// length, by residents of every age.
import { formatVoterCode, normaliseVoterCode } from '../../shared/domain/voterCode'
import { CHOICES, type Choice } from '../../shared/domain/votes/ballots'
import type { Problem, Screen, State } from './controller'
import { groupTyped, maskCode } from './location'
import { LANGUAGES, SWITCHER_NAMES, translate, type Language, type MessageKey } from './messages'

export interface ViewActions {
  language(language: Language): void
  submitCode(input: string): void
  choose(choice: Choice): void
  change(): void
  cast(): void
  retry(): void
  otherCode(): void
}

type Child = Node | string | null | false
type Attrs = Record<string, string | boolean | ((e: Event) => void)>

export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(name, value)
    else if (value === true) el.setAttribute(name, '')
    else if (value !== false) el.setAttribute(name, value)
  }
  for (const child of children) if (child !== null && child !== false) el.appendChild(typeof child === 'string' ? document.createTextNode(child) : child)
  return el
}

const BLOCKED: readonly Problem[] = ['vote-closed', 'ballots-full', 'not-eligible', 'wrong-code-kind']

/** Shown with each choice's word, so a choice never depends on its colour alone. */
const MARKS: Record<Choice, string> = { for: '✓', against: '✗', abstain: '○' }

export class BallotView {
  private language: Language
  private state: State | null = null
  private drawnKey = ''
  private readonly langButtons: HTMLButtonElement[] = []
  private readonly brand = h('span', { class: 'brand' })
  private readonly nav = h('nav', { class: 'langs' })
  private readonly note = h('div', { class: 'note', role: 'status', 'aria-live': 'polite' })
  private readonly main = h('main', { class: 'screen' })
  /** Kept across redraws so what the resident typed survives a message appearing. */
  private readonly input = h('input', {
    id: 'code',
    class: 'code-input',
    type: 'text',
    inputmode: 'text',
    autocapitalize: 'characters',
    autocomplete: 'off',
    autocorrect: 'off',
    spellcheck: 'false',
    maxlength: '32',
    placeholder: 'XXXX-XXXX-XXXX-XXXX',
    'aria-describedby': 'code-hint code-preview',
  }) as HTMLInputElement
  private readonly preview = h('p', { id: 'code-preview', class: 'preview' })

  constructor(
    private readonly root: HTMLElement,
    language: Language,
    private readonly actions: ViewActions,
  ) {
    this.language = language
    for (const lang of LANGUAGES) {
      const b = h('button', { type: 'button', lang, click: () => actions.language(lang) }, SWITCHER_NAMES[lang]) as HTMLButtonElement
      this.langButtons.push(b)
      this.nav.appendChild(b)
    }
    // Group as they type, unless they are editing the middle (moving the caret would annoy) or an
    // Android keyboard is still composing (rewriting the value then duplicates letters).
    const regroup = (e?: Event) => {
      const v = this.input.value
      const composing = e !== undefined && (e as InputEvent).isComposing === true
      if (!composing && this.input.selectionStart === v.length && groupTyped(v) !== v) this.input.value = groupTyped(v)
      this.showPreview()
    }
    this.input.addEventListener('input', regroup)
    this.input.addEventListener('compositionend', () => regroup())
    this.input.addEventListener('blur', () => regroup())
    root.appendChild(h('header', { class: 'bar' }, this.brand, this.nav))
    root.appendChild(this.note)
    root.appendChild(this.main)
  }

  setLanguage(language: Language): void {
    this.language = language
    this.drawnKey = ''
    if (this.state) this.render(this.state)
  }

  render(state: State): void {
    const t = this.t
    const previous = this.state
    this.state = state
    document.documentElement.lang = this.language
    document.title = t('pageTitle')
    this.brand.textContent = t('pageTitle')
    this.nav.setAttribute('aria-label', t('languages'))
    this.langButtons.forEach((b, i) => b.setAttribute('aria-pressed', String(LANGUAGES[i] === this.language)))
    this.note.textContent = state.reconnecting ? t('reconnecting') : ''
    this.note.className = state.reconnecting ? 'note shown' : 'note'

    // The reconnecting note changes alone; the screen is redrawn only when it changed.
    const key = JSON.stringify([this.language, state.screen, state.problem, state.busy, state.code, state.previousReceipt])
    if (key === this.drawnKey) return
    this.drawnKey = key
    this.main.textContent = ''
    for (const node of this.screen(state)) if (node) this.main.appendChild(node)
    if (previous && previous.screen.kind !== state.screen.kind) {
      const target = state.screen.kind === 'enter' ? this.input : this.main.querySelector<HTMLElement>('h1')
      target?.focus()
    } else if (state.screen.kind === 'enter' && state.problem) this.input.focus()
  }

  private readonly t = (key: MessageKey, params?: Record<string, string>): string => translate(this.language, key, params)

  private screen(state: State): (HTMLElement | null)[] {
    const t = this.t
    const s = state.screen
    const heading = (key: MessageKey) => h('h1', { tabindex: '-1' }, t(key))
    const tail = state.code ? h('p', { class: 'code-tail' }, t('codeTail', { code: maskCode(state.code) })) : null
    const problem = this.problem(state.problem)
    const other = h('button', { type: 'button', class: 'link', click: () => this.actions.otherCode() }, t('otherCode'))
    const previous = state.previousReceipt ? h('p', { class: 'previous' }, t('receipt.previous', { receipt: state.previousReceipt })) : null
    switch (s.kind) {
      case 'no-meeting':
        return [heading('noMeeting.title'), h('p', { class: 'lead' }, t('noMeeting.body'))]
      case 'loading':
        return [tail, h('p', { class: 'waiting', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('loading'))]
      case 'enter':
        return [heading('enter.title'), problem, this.enterForm(state)]
      case 'waiting':
        // Refused in this vote (closed, full, not eligible): not "waiting for the secretary", since
        // the vote may still be open; the next one will come by itself.
        if (state.problem !== null && BLOCKED.includes(state.problem))
          return [tail, heading('stopped.title'), problem, h('p', { class: 'waiting', role: 'status' }, t('nextVote')), previous, other]
        return [tail, heading('waiting.title'), problem, h('p', { class: 'waiting', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('waiting.body')), previous, other]
      case 'choose':
        return [tail, heading('choose.title'), problem, ...this.motion(s.vote.motionText, s.vote.method), h('p', { class: 'prompt', id: 'prompt' }, t('choose.prompt')), this.choices(state.busy), previous]
      case 'confirm':
        return [tail, heading('confirm.title'), problem, ...this.confirm(s, state.busy)]
      case 'receipt':
        return [
          tail,
          h('h1', { tabindex: '-1', class: 'done' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, '✓'), t('receipt.title')),
          problem,
          h('p', { class: 'receipt-label', id: 'receipt-label' }, t('receipt.label')),
          h('p', { class: 'receipt', 'aria-describedby': 'receipt-label' }, s.receipt),
          h('p', { class: 'lead' }, t(s.open ? 'receipt.whileOpen' : 'receipt.afterClose')),
          h('p', { class: 'waiting small', role: 'status' }, t('nextVote')),
          other,
        ]
      case 'voted':
        return [tail, heading('voted.title'), h('p', { class: 'lead' }, t('voted.body')), previous, other]
      case 'stopped':
        return [
          tail,
          heading('stopped.title'),
          problem,
          h('button', { type: 'button', class: 'primary', disabled: state.busy, click: () => this.actions.retry() }, t('stopped.retry')),
          other,
        ]
    }
  }

  private problem(problem: Problem | null): HTMLElement | null {
    return problem ? h('div', { class: 'problem', role: 'alert' }, this.t(`error.${problem}`)) : null
  }

  private enterForm(state: State): HTMLElement {
    const t = this.t
    this.input.disabled = state.busy
    this.input.setAttribute('aria-invalid', String(state.problem === 'bad-format' || state.problem === 'invalid-code'))
    this.showPreview()
    const submit = (e: Event) => {
      e.preventDefault()
      this.actions.submitCode(this.input.value)
    }
    return h(
      'form',
      { class: 'enter', novalidate: true, submit },
      h('label', { for: 'code' }, t('enter.label')),
      h('p', { id: 'code-hint', class: 'hint' }, t('enter.hint')),
      this.input,
      this.preview,
      h('button', { type: 'submit', class: 'primary', disabled: state.busy }, t('enter.submit')),
    )
  }

  private showPreview(): void {
    const code = normaliseVoterCode(this.input.value)
    this.preview.textContent = code ? this.t('enter.preview', { code: formatVoterCode(code) }) : ''
  }

  private motion(text: string, method: 'secret' | 'roll_call'): HTMLElement[] {
    return [
      h('p', { class: `method method-${method}` }, this.t(method === 'secret' ? 'method.secret' : 'method.roll_call')),
      h('section', { class: 'motion', 'aria-labelledby': 'motion-title' }, h('h2', { id: 'motion-title' }, this.t('choose.motion')), h('p', { class: 'motion-text' }, text)),
    ]
  }

  private choices(busy: boolean): HTMLElement {
    const buttons = CHOICES.map((c) =>
      h('button', { type: 'button', class: `choice choice-${c}`, disabled: busy, click: () => this.actions.choose(c) }, h('span', { class: 'mark', 'aria-hidden': 'true' }, MARKS[c]), this.t(`choice.${c}`)),
    )
    return h('div', { class: 'choices', role: 'group', 'aria-labelledby': 'prompt' }, ...buttons)
  }

  private confirm(s: Extract<Screen, { kind: 'confirm' }>, busy: boolean): HTMLElement[] {
    const t = this.t
    return [
      h('p', { class: 'lead' }, t('confirm.question')),
      h('p', { class: `chosen choice-${s.choice}` }, h('span', { class: 'mark', 'aria-hidden': 'true' }, MARKS[s.choice]), t(`choice.${s.choice}`)),
      h('p', { class: 'motion-text small' }, s.vote.motionText),
      h('button', { type: 'button', class: 'primary cast', disabled: busy, 'aria-busy': String(busy), click: () => this.actions.cast() }, busy ? t('confirm.sending') : t('confirm.cast')),
      h('button', { type: 'button', class: 'secondary', disabled: busy, click: () => this.actions.change() }, t('confirm.change')),
    ]
  }
}
