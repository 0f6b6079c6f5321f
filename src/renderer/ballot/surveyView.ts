// Draws the survey mode's states (surveyFlow.ts) with plain DOM, like view.ts draws a ballot: the
// project's title through textContent only, large type and targets, the four levels as words (never
// colour alone), the language switcher, and the focus moved to the new heading on each screen.
import { SATISFACTION_LEVELS, type SatisfactionLevel } from '../../shared/fund/implementation'
import type { SurveyProblem, SurveyState } from './surveyFlow'
import { groupTyped, maskCode } from './location'
import { LANGUAGES, SWITCHER_NAMES, translate, type Language, type MessageKey } from './messages'
import { h } from './view'

export interface SurveyActions {
  language(language: Language): void
  submitCode(input: string): void
  choose(level: SatisfactionLevel): void
  change(): void
  send(): void
  otherCode(): void
}

const MARKS: Record<SatisfactionLevel, string> = { verySatisfied: '★★', satisfied: '★', neutral: '○', dissatisfied: '✗' }

export class SurveyView {
  private drawnKind = ''
  private state: SurveyState | null = null
  private readonly brand = h('span', { class: 'brand' })
  private readonly nav = h('nav', { class: 'langs' })
  private readonly main = h('main', { class: 'screen' })
  private readonly input = h('input', { id: 'code', class: 'code-input', type: 'text', autocapitalize: 'characters', autocomplete: 'off', spellcheck: 'false', maxlength: '32', placeholder: 'XXXX-XXXX-XXXX-XXXX', 'aria-describedby': 'code-hint' }) as HTMLInputElement

  constructor(
    root: HTMLElement,
    private language: Language,
    private readonly actions: SurveyActions,
  ) {
    for (const lang of LANGUAGES) this.nav.appendChild(h('button', { type: 'button', lang, click: () => actions.language(lang) }, SWITCHER_NAMES[lang]))
    this.input.addEventListener('input', () => {
      if (this.input.selectionStart === this.input.value.length) this.input.value = groupTyped(this.input.value)
    })
    root.appendChild(h('header', { class: 'bar' }, this.brand, this.nav))
    root.appendChild(this.main)
  }

  setLanguage(language: Language): void {
    this.language = language
    if (this.state) this.render(this.state, true)
  }

  private readonly t = (key: MessageKey, params?: Record<string, string>): string => translate(this.language, key, params)

  render(state: SurveyState, force = false): void {
    const t = this.t
    const moved = state.screen.kind !== this.drawnKind
    this.state = state
    this.drawnKind = state.screen.kind
    document.documentElement.lang = this.language
    document.title = t('survey.pageTitle')
    this.brand.textContent = t('survey.pageTitle')
    this.nav.setAttribute('aria-label', t('languages'))
    this.nav.querySelectorAll('button').forEach((b, i) => b.setAttribute('aria-pressed', String(LANGUAGES[i] === this.language)))
    this.main.textContent = ''
    for (const node of this.screen(state)) if (node) this.main.appendChild(node)
    if (moved || force) (state.screen.kind === 'enter' ? this.input : this.main.querySelector<HTMLElement>('h1'))?.focus()
  }

  private screen(state: SurveyState): (HTMLElement | null)[] {
    const t = this.t
    const s = state.screen
    const heading = (key: MessageKey) => h('h1', { tabindex: '-1' }, t(key))
    const tail = state.code ? h('p', { class: 'code-tail' }, t('codeTail', { code: maskCode(state.code) })) : null
    const problem = this.problem(state.problem)
    const project = (title: string) => h('section', { class: 'motion', 'aria-labelledby': 'project-title' }, h('h2', { id: 'project-title' }, t('survey.project')), h('p', { class: 'motion-text' }, title))
    const other = h('button', { type: 'button', class: 'link', click: () => this.actions.otherCode() }, t('otherCode'))
    switch (s.kind) {
      case 'enter':
        return [heading('survey.enterTitle'), problem, this.enterForm(state.busy)]
      case 'loading':
        return [tail, h('p', { class: 'waiting', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('loading'))]
      case 'choose':
        return [tail, heading('survey.chooseTitle'), problem, project(s.title), h('p', { class: 'prompt', id: 'prompt' }, t('survey.prompt')), this.levels(state.busy)]
      case 'confirm':
        return [
          tail,
          heading('confirm.title'),
          problem,
          h('p', { class: 'lead' }, t('survey.yourAnswer')),
          h('p', { class: `chosen level-${s.level}` }, h('span', { class: 'mark', 'aria-hidden': 'true' }, MARKS[s.level]), t(`survey.level.${s.level}`)),
          h('p', { class: 'motion-text small' }, s.title),
          h('button', { type: 'button', class: 'primary cast', disabled: state.busy, 'aria-busy': String(state.busy), click: () => this.actions.send() }, state.busy ? t('confirm.sending') : t('survey.send')),
          h('button', { type: 'button', class: 'secondary', disabled: state.busy, click: () => this.actions.change() }, t('confirm.change')),
        ]
      case 'done':
        return [tail, h('h1', { tabindex: '-1', class: 'done' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, '✓'), t('survey.doneTitle')), project(s.title), h('p', { class: 'lead' }, t('survey.doneBody', { level: t(`survey.level.${s.level}`) })), other]
      case 'closed':
        return [tail, heading('survey.closedTitle'), project(s.title), h('p', { class: 'lead' }, t('survey.closedBody')), other]
    }
  }

  private problem(p: SurveyProblem | null): HTMLElement | null {
    if (!p) return null
    const key: MessageKey = p === 'invalid-code' ? 'survey.invalidCode' : p === 'vote-closed' ? 'survey.closedBody' : `error.${p}`
    return h('div', { class: 'problem', role: 'alert' }, this.t(key))
  }

  private enterForm(busy: boolean): HTMLElement {
    const t = this.t
    this.input.disabled = busy
    const submit = (e: Event) => {
      e.preventDefault()
      this.actions.submitCode(this.input.value)
    }
    return h('form', { class: 'enter', novalidate: true, submit }, h('label', { for: 'code' }, t('survey.codeLabel')), h('p', { id: 'code-hint', class: 'hint' }, t('enter.hint')), this.input, h('button', { type: 'submit', class: 'primary', disabled: busy }, t('enter.submit')))
  }

  private levels(busy: boolean): HTMLElement {
    const buttons = SATISFACTION_LEVELS.map((l) => h('button', { type: 'button', class: `choice level-${l}`, disabled: busy, click: () => this.actions.choose(l) }, h('span', { class: 'mark', 'aria-hidden': 'true' }, MARKS[l]), this.t(`survey.level.${l}`)))
    return h('div', { class: 'choices', role: 'group', 'aria-labelledby': 'prompt' }, ...buttons)
  }
}
