// The screens and council tabs not needed to open a council's meeting list and tonight's meeting,
// each loaded when it is first shown (issue 20, budget 2: a cold open must not parse the minutes,
// DOCX, QR, campaign, review, backup, import or fund code). Same components, same names and props
// as the features export; App.tsx and CouncilScreen.tsx render them inside <Suspense> with
// <ScreenLoading />. The home screen, the meeting list and the meeting screen stay in the entry.
import { lazy } from 'react'
import { useTranslation } from 'react-i18next'

/** What a screen shows while its code loads: the same words as a document being opened. */
export function ScreenLoading() {
  const { t } = useTranslation('common')
  return <p>{t('status.loading')}</p>
}

export const NewCouncilScreen = lazy(() => import('../features/councils/NewCouncilScreen').then((m) => ({ default: m.NewCouncilScreen })))
export const JoinScreen = lazy(() => import('../features/sync/JoinScreen').then((m) => ({ default: m.JoinScreen })))
export const ReviewScreen = lazy(() => import('../features/review/ReviewScreen').then((m) => ({ default: m.ReviewScreen })))
export const BackupScreen = lazy(() => import('../features/backup/BackupScreen').then((m) => ({ default: m.BackupScreen })))
export const ImportScreen = lazy(() => import('../features/members/ImportScreen').then((m) => ({ default: m.ImportScreen })))
export const NewMeetingScreen = lazy(() => import('../features/meetings/NewMeetingScreen').then((m) => ({ default: m.NewMeetingScreen })))
export const NoticeScreen = lazy(() => import('../features/meetings/NoticeScreen').then((m) => ({ default: m.NoticeScreen })))
export const SessionScreen = lazy(() => import('../features/session/SessionScreen').then((m) => ({ default: m.SessionScreen })))
export const ProjectorScreen = lazy(() => import('../features/session/ProjectorScreen').then((m) => ({ default: m.ProjectorScreen })))
export const MinutesScreen = lazy(() => import('../features/minutes/MinutesScreen').then((m) => ({ default: m.MinutesScreen })))
export const HouseholdImportScreen = lazy(() => import('../features/households/HouseholdImportScreen').then((m) => ({ default: m.HouseholdImportScreen })))
export const NewCampaignScreen = lazy(() => import('../features/campaigns/NewCampaignScreen').then((m) => ({ default: m.NewCampaignScreen })))
export const CampaignScreen = lazy(() => import('../features/campaigns/CampaignScreen').then((m) => ({ default: m.CampaignScreen })))
export const NewRequestScreen = lazy(() => import('../features/requests/NewRequestScreen').then((m) => ({ default: m.NewRequestScreen })))
export const RequestScreen = lazy(() => import('../features/requests/RequestScreen').then((m) => ({ default: m.RequestScreen })))
export const MatterScreen = lazy(() => import('../features/matters/MatterScreen').then((m) => ({ default: m.MatterScreen })))
export const FundYearScreen = lazy(() => import('../features/fund/FundYearScreen').then((m) => ({ default: m.FundYearScreen })))
export const FundProjectScreen = lazy(() => import('../features/fund/FundProjectScreen').then((m) => ({ default: m.FundProjectScreen })))

// The council's tabs other than its meetings.
export const MembersTab = lazy(() => import('../features/members/MembersTab').then((m) => ({ default: m.MembersTab })))
export const HouseholdsTab = lazy(() => import('../features/households/HouseholdsTab').then((m) => ({ default: m.HouseholdsTab })))
export const CampaignsTab = lazy(() => import('../features/campaigns/CampaignsTab').then((m) => ({ default: m.CampaignsTab })))
export const SyncTab = lazy(() => import('../features/sync/SyncTab').then((m) => ({ default: m.SyncTab })))
export const RequestsTab = lazy(() => import('../features/requests/RequestsTab').then((m) => ({ default: m.RequestsTab })))
export const MattersTab = lazy(() => import('../features/matters/MattersTab').then((m) => ({ default: m.MattersTab })))
export const FundTab = lazy(() => import('../features/fund/FundTab').then((m) => ({ default: m.FundTab })))
export const LedgersTab = lazy(() => import('../features/matters/LedgersTab').then((m) => ({ default: m.LedgersTab })))
