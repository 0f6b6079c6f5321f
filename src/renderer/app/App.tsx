// The app's frame: providers, the header with where-you-are and the language, and the router.
import { I18nextProvider, useTranslation } from 'react-i18next'
import type { i18n as I18n } from 'i18next'
import { Suspense, useEffect } from 'react'
import { EnvProvider, useEnv, type AppEnv } from '../kit/env'
import { href, useRoute, type Route } from '../kit/router'
import { LanguageSwitcher } from '../features/settings/LanguageSwitcher'
import { HomeScreen } from '../features/councils/HomeScreen'
import { SyncBadge } from '../features/sync/SyncBadge'
import { CouncilProvider, CouncilReadOnlyBanner, useCouncil } from '../kit/CouncilContext'
import { RefusedChangesBanner } from '../features/sync/RefusedChangesBanner'
import { CouncilScreen } from './CouncilScreen'
// Screens not on the way to tonight's meeting load when first shown (issue 20).
import {
  NewCouncilScreen,
  JoinScreen,
  ReviewScreen,
  BackupScreen,
  ImportScreen,
  NewMeetingScreen,
  NoticeScreen,
  SessionScreen,
  ProjectorScreen,
  MinutesScreen,
  HouseholdImportScreen,
  NewCampaignScreen,
  CampaignScreen,
  NewRequestScreen,
  RequestScreen,
  MatterScreen,
  FundYearScreen,
  FundProjectScreen,
  ScreenLoading,
} from './lazyScreens'
import { MeetingProvider } from '../kit/MeetingContext'
import { MeetingScreen } from '../features/meetings/MeetingScreen'
import { useAutoBackup } from '../features/backup/useAutoBackup'
import { useCommands } from './commands'
import { isLanguage } from '../../shared/i18n/languages'
import { Banner } from '../ui/Banner'
import { ErrorBoundary } from './ErrorBoundary'
import { useLeaveGuard } from './useLeaveGuard'
import { useScreenFocusAndTitle } from './screenFocus'
import { AnnouncerProvider } from '../kit/announce'

export function App({ env, i18n, onMounted }: { env: AppEnv; i18n: I18n; onMounted?: () => void }) {
  useEffect(() => onMounted?.(), [onMounted])
  return (
    <EnvProvider env={env}>
      <I18nextProvider i18n={i18n}>
        <ErrorBoundary>
          <AnnouncerProvider>
            <Shell />
          </AnnouncerProvider>
        </ErrorBoundary>
      </I18nextProvider>
    </EnvProvider>
  )
}

function Shell() {
  const { t, i18n } = useTranslation('common')
  const env = useEnv()
  // Installed before the router listens, so a declined way out never reaches it.
  useLeaveGuard()
  const route = useRoute()
  useScreenFocusAndTitle(JSON.stringify(route), t('app.name'))
  // The desktop's menus follow the interface language.
  const lang = i18n.language
  useEffect(() => {
    const menu = env.platform.capability('menu')
    if (menu && isLanguage(lang)) void menu.setLanguage(lang).catch((e: unknown) => console.warn('menu language', e))
  }, [env, lang])
  useCommands(env)
  useAutoBackup(env)
  const councilId = 'councilId' in route ? route.councilId : null
  // The projector shows the meeting alone: no header, no controls.
  if (route.name === 'projector') {
    return (
      <main id="main" className="projector-main">
        <CouncilProvider councilId={route.councilId}>
          <MeetingProvider meetingId={route.meetingId}>
            <Suspense fallback={<ScreenLoading />}>
              <ProjectorScreen />
            </Suspense>
          </MeetingProvider>
        </CouncilProvider>
      </main>
    )
  }
  return (
    <>
      {/* Routes live in the hash, so following "#main" would leave the screen: move the focus instead. */}
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault()
          document.getElementById('main')?.focus()
        }}
      >
        {t('app.skip')}
      </a>
      {councilId ? (
        <CouncilProvider councilId={councilId}>
          <Header route={route} />
          <main id="main" tabIndex={-1}>
            <CouncilReadOnlyBanner />
            <RefusedChangesBanner councilId={councilId} />
            <Suspense fallback={<ScreenLoading />}>
              <CouncilRoutes route={route} />
            </Suspense>
          </main>
        </CouncilProvider>
      ) : (
        <>
          <Header route={route} />
          <main id="main" tabIndex={-1}>
            <Suspense fallback={<ScreenLoading />}>
              {route.name === 'home' ? <HomeScreen /> : null}
              {route.name === 'newCouncil' ? <NewCouncilScreen /> : null}
              {route.name === 'joinCouncil' ? <JoinScreen /> : null}
              {route.name === 'review' ? <ReviewScreen /> : null}
              {route.name === 'backup' ? <BackupScreen /> : null}
              {route.name === 'notFound' ? <Banner kind="error">{t('errors.notFound')}</Banner> : null}
            </Suspense>
          </main>
        </>
      )}
    </>
  )
}

function CouncilRoutes({ route }: { route: Route }) {
  switch (route.name) {
    case 'council':
      return <CouncilScreen tab={route.tab} />
    case 'importMembers':
      return <ImportScreen />
    case 'newMeeting':
      return <NewMeetingScreen />
    case 'meeting':
      return (
        <MeetingProvider meetingId={route.meetingId}>
          <MeetingScreen />
        </MeetingProvider>
      )
    case 'notice':
      return (
        <MeetingProvider meetingId={route.meetingId}>
          <NoticeScreen />
        </MeetingProvider>
      )
    case 'session':
      return (
        <MeetingProvider meetingId={route.meetingId}>
          <SessionScreen tab={route.tab} />
        </MeetingProvider>
      )
    case 'importHouseholds':
      return <HouseholdImportScreen />
    case 'newCampaign':
      return <NewCampaignScreen />
    case 'campaign':
      return <CampaignScreen campaignId={route.campaignId} tab={route.tab} />
    case 'minutes':
      return (
        <MeetingProvider meetingId={route.meetingId}>
          <MinutesScreen tab={route.tab} />
        </MeetingProvider>
      )
    case 'newRequest':
      return <NewRequestScreen />
    case 'request':
      return <RequestScreen key={`${route.year}/${route.requestId}`} year={route.year} requestId={route.requestId} />
    case 'matter':
      return <MatterScreen key={`${route.year}/${route.matterId}`} year={route.year} matterId={route.matterId} />
    case 'fundYear':
      return <FundYearScreen key={route.year} year={route.year} tab={route.tab} />
    case 'fundProject':
      return <FundProjectScreen key={`${route.year}/${route.projectId}`} year={route.year} projectId={route.projectId} />
    default:
      return null
  }
}

function Header({ route }: { route: Route }) {
  const { t } = useTranslation('common')
  return (
    <header className="top">
      <a className="brand" href={href({ name: 'home' })}>
        {t('app.name')}
      </a>
      <nav aria-label={t('nav.breadcrumb')}>
        <ol>
          <li>
            <a href={href({ name: 'home' })}>{t('nav.home')}</a>
          </li>
          {'councilId' in route ? <CouncilCrumb /> : null}
        </ol>
      </nav>
      <span className="spacer" />
      {'councilId' in route ? <SyncBadge councilId={route.councilId} /> : null}
      <LanguageSwitcher />
    </header>
  )
}

function CouncilCrumb() {
  const { council } = useCouncil()
  return (
    <li>
      <a href={href({ name: 'council', councilId: council.id, tab: 'meetings' })}>{council.name}</a>
    </li>
  )
}
