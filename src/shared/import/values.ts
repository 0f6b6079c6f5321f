// Cell texts of a register -> member values: roles, dates, names, and building / unit / room.
import { isIsoDate, type IsoDate } from '../domain/dates'
import type { MemberRole } from '../domain/member'

const ROLE_WORDS: Record<MemberRole, readonly string[]> = {
  chair: ['主持人', '召集人', '议事长', '議事長', '议事会主持人', '議事會主持人', 'chair', 'chairperson', 'chairman', 'chairwoman', 'convener', 'convenor'],
  recorder: ['记录人', '记录员', '記錄人', '記錄員', '纪录人', '紀錄人', '书记员', '書記員', 'recorder', 'secretary', 'minute taker'],
  councillor: [
    '议事会成员', '成员', '议事代表', '代表', '议事员', '议事成员', '居民代表', '议事会代表',
    '議事會成員', '成員', '議事代表', '議事員', '議事成員', '居民代表', '議事會代表',
    'councillor', 'councilor', 'member', 'council member', 'representative',
  ],
  observer: ['列席', '列席代表', '列席人员', '列席人員', '列席成员', '列席成員', 'observer'],
  supervisor: ['监事', '监事会成员', '監事', '監事會成員', '监事长', '監事長', 'supervisor', 'supervisory board member'],
}

const fold = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\(.*?\)/g, '').replace(/\s+/g, ' ').trim()

const ROLES = new Map<string, MemberRole>()
for (const [role, words] of Object.entries(ROLE_WORDS) as [MemberRole, readonly string[]][]) {
  for (const w of words) ROLES.set(fold(w), role)
}

/** A role written in Chinese or English; empty means councillor; null when not recognised. */
export function parseRole(text: string): MemberRole | null {
  const t = fold(text)
  if (t === '') return 'councillor'
  return ROLES.get(t) ?? null
}

const pad2 = (n: number): string => String(n).padStart(2, '0')

function ymd(y: number, m: number, d: number): IsoDate | null {
  const iso = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`
  return isIsoDate(iso) ? iso : null
}

const DAY_MS = 86_400_000

/** Excel's day numbers (1900 date system): 45352 is 2024-03-01. */
function fromExcelSerial(serial: number): IsoDate | null {
  const n = Math.floor(serial)
  if (n === 60) return null // 1900-02-29, a day that never was (Lotus 1-2-3's leap-year bug)
  const base = n < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)
  const d = new Date(base + n * DAY_MS)
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

const YMD = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/

/**
 * A date as registers write it: 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, 20240301, an
 * Excel day number, with or without a time after it. Day-month order (3/1/2024) is ambiguous
 * and refused. Null when it is not a real date.
 */
export function parseDate(text: string): IsoDate | null {
  const t = text.normalize('NFKC').trim()
  let m = YMD.exec(t)
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t)
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]))
  // Day numbers from 10000 (1927) on: a bare year such as "2024" must not pass as 1905-07-16.
  if (/^\d{5,6}(\.\d+)?$/.test(t)) return fromExcelSerial(Number(t))
  return null
}

const HAN = /\p{Script=Han}/u

/** Collapses spaces; drops the spaces people type between Chinese characters to align names (王, an ideographic space, 五). */
export function cleanName(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim()
  if (!HAN.test(t)) return t
  return t.replace(/(?<=[\p{Script=Han}·•]) (?=[\p{Script=Han}·•])/gu, '')
}

/** Keeps a phone as written, except "(028)8555 1234" style area codes become "028-8555 1234". */
export function cleanPhone(text: string): string {
  return text.normalize('NFKC').trim().replace(/^\((\d{2,4})\)\s*/, '$1-')
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 }

/** 一..九十九 written in Chinese -> digits; other text unchanged. */
function chineseNumber(s: string): string {
  if (!/^[一二三四五六七八九十]+$/.test(s)) return s
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s)
  if (!m) return s
  if (!m[2]) return m[1] && !m[3] ? String(CN_DIGITS[m[1]]) : s
  return String((m[1] ? (CN_DIGITS[m[1]] ?? 0) : 1) * 10 + (m[3] ? (CN_DIGITS[m[3]] ?? 0) : 0))
}

const DESIGNATOR = '([0-9A-Za-z]+|[一二三四五六七八九十]+)'
const SUFFIX = {
  building: '(?:号楼|號樓|栋|棟|幢|座|号|號|楼|樓)',
  unit: '(?:单元|單元)',
  room: '(?:室|号|號)',
} as const
const SUFFIXED = {
  building: new RegExp(`^${DESIGNATOR}${SUFFIX.building}$`),
  unit: new RegExp(`^${DESIGNATOR}${SUFFIX.unit}$`),
  room: new RegExp(`^${DESIGNATOR}${SUFFIX.room}$`),
}

/**
 * "3栋" / "３号楼" -> "3", "二单元" -> "2", "301室" -> "301": the bare designator, so that the
 * same household written two ways is found as a duplicate. Anything else is kept as written.
 */
export function cleanDesignator(text: string, kind: 'building' | 'unit' | 'room'): string {
  const t = text.normalize('NFKC').replace(/\s+/g, '')
  const m = SUFFIXED[kind].exec(t)
  if (m) return chineseNumber(m[1] ?? '')
  return /^[0-9A-Za-z]+$/.test(t) ? t : text.trim()
}

export interface Household {
  building: string
  unit: string
  room: string
}

// In a whole address a bare 号 is more often a room (301号) than a building, so it is not here.
const BUILDING_WORD = '(号楼|號樓|栋|棟|幢|座|楼|樓)'
const CHINESE_ADDRESS = new RegExp(
  `^(.*?)${DESIGNATOR}${BUILDING_WORD}` +
    `(?:${DESIGNATOR}${SUFFIX.unit})?` +
    `(?:([0-9A-Za-z]+(?:-[0-9A-Za-z]+)?)${SUFFIX.room}?)?$`,
)
const UNIT_ROOM = new RegExp(`^${DESIGNATOR}${SUFFIX.unit}(?:([0-9A-Za-z]+)${SUFFIX.room}?)?$`)
const DASHED = /^([0-9A-Za-z]+)[-—–/]([0-9A-Za-z]+)(?:[-—–/]([0-9A-Za-z]+))?(?:室|号|號)?$/

/**
 * Splits a combined address: "3栋2单元301", "3号楼2单元301室", "3-2-301", "3-301" (building-room),
 * "2单元301". Text before the building ("锦绣花园3栋…") stays with the building. An address that
 * fits none of these goes whole into room, so nothing the file said is lost.
 */
export function splitAddress(text: string): Household {
  const t = text.normalize('NFKC').replace(/\s+/g, '')
  if (t === '') return { building: '', unit: '', room: '' }
  let m = DASHED.exec(t)
  if (m) {
    return m[3] !== undefined
      ? { building: m[1] ?? '', unit: m[2] ?? '', room: m[3] }
      : { building: m[1] ?? '', unit: '', room: m[2] ?? '' }
  }
  m = CHINESE_ADDRESS.exec(t)
  if (m) {
    const prefix = m[1] ?? ''
    const b = chineseNumber(m[2] ?? '')
    return { building: prefix ? `${prefix}${m[2] ?? ''}${m[3] ?? ''}` : b, unit: chineseNumber(m[4] ?? ''), room: m[5] ?? '' }
  }
  m = UNIT_ROOM.exec(t)
  if (m) return { building: '', unit: chineseNumber(m[1] ?? ''), room: m[2] ?? '' }
  return { building: '', unit: '', room: text.trim() }
}
