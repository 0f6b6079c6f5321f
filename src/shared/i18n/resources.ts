// Every locale file, bundled. zh-CN is the source language and defines the typed keys.
import zhCNcommon from './locales/zh-CN/common.json'
import zhCNcouncil from './locales/zh-CN/council.json'
import zhCNmembers from './locales/zh-CN/members.json'
import zhCNmeetings from './locales/zh-CN/meetings.json'
import zhCNimport from './locales/zh-CN/import.json'
import zhCNvotes from './locales/zh-CN/votes.json'
import zhCNsession from './locales/zh-CN/session.json'
import zhCNsync from './locales/zh-CN/sync.json'
import zhTWcommon from './locales/zh-TW/common.json'
import zhTWcouncil from './locales/zh-TW/council.json'
import zhTWmembers from './locales/zh-TW/members.json'
import zhTWmeetings from './locales/zh-TW/meetings.json'
import zhTWimport from './locales/zh-TW/import.json'
import zhTWvotes from './locales/zh-TW/votes.json'
import zhTWsession from './locales/zh-TW/session.json'
import zhTWsync from './locales/zh-TW/sync.json'
import enCommon from './locales/en/common.json'
import enCouncil from './locales/en/council.json'
import enMembers from './locales/en/members.json'
import enMeetings from './locales/en/meetings.json'
import enImport from './locales/en/import.json'
import enVotes from './locales/en/votes.json'
import enSession from './locales/en/session.json'
import enSync from './locales/en/sync.json'
import zhCNdocuments from './locales/zh-CN/documents.json'
import zhCNminutes from './locales/zh-CN/minutes.json'
import zhCNreview from './locales/zh-CN/review.json'
import zhTWdocuments from './locales/zh-TW/documents.json'
import zhTWminutes from './locales/zh-TW/minutes.json'
import zhTWreview from './locales/zh-TW/review.json'
import enDocuments from './locales/en/documents.json'
import enMinutes from './locales/en/minutes.json'
import enReview from './locales/en/review.json'
import zhCNmenu from './locales/zh-CN/menu.json'
import zhCNbackup from './locales/zh-CN/backup.json'
import zhCNcampaigns from './locales/zh-CN/campaigns.json'
import zhCNhouseholds from './locales/zh-CN/households.json'
import zhTWmenu from './locales/zh-TW/menu.json'
import zhTWbackup from './locales/zh-TW/backup.json'
import zhTWcampaigns from './locales/zh-TW/campaigns.json'
import zhTWhouseholds from './locales/zh-TW/households.json'
import enMenu from './locales/en/menu.json'
import enBackup from './locales/en/backup.json'
import enCampaigns from './locales/en/campaigns.json'
import enHouseholds from './locales/en/households.json'
import zhCNmatters from './locales/zh-CN/matters.json'
import zhTWmatters from './locales/zh-TW/matters.json'
import enMatters from './locales/en/matters.json'
import zhCNfund from './locales/zh-CN/fund.json'
import zhTWfund from './locales/zh-TW/fund.json'
import enFund from './locales/en/fund.json'

export const sourceResources = {
  common: zhCNcommon,
  council: zhCNcouncil,
  members: zhCNmembers,
  meetings: zhCNmeetings,
  import: zhCNimport,
  votes: zhCNvotes,
  session: zhCNsession,
  sync: zhCNsync,
  documents: zhCNdocuments,
  minutes: zhCNminutes,
  review: zhCNreview,
  menu: zhCNmenu,
  backup: zhCNbackup,
  households: zhCNhouseholds,
  campaigns: zhCNcampaigns,
  matters: zhCNmatters,
  fund: zhCNfund,
}

export const resources = {
  'zh-CN': sourceResources,
  'zh-TW': { common: zhTWcommon, council: zhTWcouncil, members: zhTWmembers, meetings: zhTWmeetings, import: zhTWimport, votes: zhTWvotes, session: zhTWsession, sync: zhTWsync, documents: zhTWdocuments, minutes: zhTWminutes, review: zhTWreview, menu: zhTWmenu, backup: zhTWbackup, households: zhTWhouseholds, campaigns: zhTWcampaigns, matters: zhTWmatters, fund: zhTWfund },
  en: { common: enCommon, council: enCouncil, members: enMembers, meetings: enMeetings, import: enImport, votes: enVotes, session: enSession, sync: enSync, documents: enDocuments, minutes: enMinutes, review: enReview, menu: enMenu, backup: enBackup, households: enHouseholds, campaigns: enCampaigns, matters: enMatters, fund: enFund },
}
