// The survey mode's wiring (main.ts starts it when the address names a survey): the code from the
// slip's QR code (the fragment, already taken out of the address bar), kept in sessionStorage for a
// reload, the flow (surveyFlow.ts) and its drawing (surveyView.ts).
import type { SurveyAddress } from '../../shared/phoneSurvey'
import { sessionBallotStore, storeLanguage } from './store'
import { SurveyFlow, xhrSurveyApi } from './surveyFlow'
import { SurveyView } from './surveyView'
import type { Language } from './messages'

export function startSurvey(root: HTMLElement, address: SurveyAddress, codeFromAddress: string | null, language: Language): void {
  const store = sessionBallotStore(`survey/${address.survey}`)
  const view = new SurveyView(root, language, {
    language(l) {
      storeLanguage(l)
      view.setLanguage(l)
    },
    submitCode: (input) => void flow.submitCode(input),
    choose: (level) => flow.choose(level),
    change: () => flow.change(),
    send: () => void flow.send(),
    otherCode: () => {
      store.setCode(null)
      flow.otherCode()
    },
  })
  const flow = new SurveyFlow(address, xhrSurveyApi, (state) => {
    if (state.code) store.setCode(state.code)
    view.render(state)
  })
  view.render(flow.current)
  const code = codeFromAddress ?? store.code()
  if (code) void flow.submitCode(code)
}
