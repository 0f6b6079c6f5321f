// The ballot page's entry: wiring only. Reads the address, takes the code out of the address bar,
// and connects the host (api.ts), the flow (controller.ts) and the drawing (view.ts).
import './style.css'
import { normaliseVoterCode } from '../../shared/domain/voterCode'
import { xhrBallotApi } from './api'
import { BallotController, type Problem } from './controller'
import { readBallotAddress, readSurveyAddress } from './location'
import { pickLanguage } from './messages'
import { sessionBallotStore, storedLanguage, storeLanguage } from './store'
import { BallotView } from './view'
import { startSurvey } from './surveyMain'

/** A neighbour should not read the code off the address bar; sessionStorage keeps it for a reload. */
function clearFragment(): void {
  if (window.location.hash === '') return
  try {
    window.history.replaceState(null, '', window.location.pathname + window.location.search)
  } catch {
    // an old browser that refuses: the code stays visible, the page still works
  }
}

const address = readBallotAddress(window.location.search, window.location.hash)
const survey = readSurveyAddress(window.location.search)
clearFragment()
const preferred = navigator.languages && navigator.languages.length > 0 ? navigator.languages : [navigator.language || '']
const root = document.getElementById('app') as HTMLElement
const language = storedLanguage() ?? pickLanguage(preferred)

if (survey) startSurvey(root, survey, address.code, language)
else startBallot()

/** The ballot mode: a meeting's votes, one after another (controller.ts, view.ts). */
function startBallot(): void {
  const store = address.meeting === null ? null : sessionBallotStore(address.meeting)
  let initialProblem: Problem | null = null
  if (store !== null && address.code !== null) {
    const code = normaliseVoterCode(address.code)
    if (code !== null) store.setCode(code)
    else initialProblem = 'bad-format'
  }

  const view = new BallotView(root, language, {
    language(language) {
      storeLanguage(language)
      view.setLanguage(language)
    },
    submitCode: (input) => controller.submitCode(input),
    choose: (choice) => controller.choose(choice),
    change: () => controller.change(),
    cast: () => void controller.cast(),
    retry: () => controller.retry(),
    otherCode: () => controller.otherCode(),
  })
  const timers = { set: (fn: () => void, ms: number) => window.setTimeout(fn, ms), clear: (handle: unknown) => window.clearTimeout(handle as number), now: () => Date.now() }
  const controller = new BallotController(address.meeting, xhrBallotApi, store, timers, (state) => view.render(state))

  // Another slip scanned into this tab changes only the fragment: no reload, so take the code here.
  window.addEventListener('hashchange', () => {
    const code = readBallotAddress(window.location.search, window.location.hash).code
    clearFragment()
    if (code === null || address.meeting === null) return
    controller.otherCode()
    controller.submitCode(code)
  })
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') controller.wake()
  })
  controller.start(initialProblem)
  view.render(controller.current)
}
