// A request as the form's flat text fields (one per input, so kit/docForm.ts can tell which one
// the person changed and which one another laptop changed), and back.
import type { TFunction } from 'i18next'
import type { IsoDate } from '../../../shared/domain/dates'
import type { RequestCategory, RequestChannel, RequesterKind, RequestFields, RequestStatus, RequestState } from '../../../shared/matters/requests'

export interface RequestText {
  receivedOn: string
  channel: RequestChannel
  category: RequestCategory
  kind: RequesterKind
  name: string
  refId: string
  contact: string
  building: string
  unit: string
  room: string
  placeText: string
  text: string
}

export function blankRequest(today: string): RequestText {
  return { receivedOn: today, channel: 'householdForm', category: 'environment', kind: 'household', name: '', refId: '', contact: '', building: '', unit: '', room: '', placeText: '', text: '' }
}

export function textOf(f: RequestFields): RequestText {
  const r = f.requester
  return {
    receivedOn: f.receivedOn,
    channel: f.channel,
    category: f.category,
    kind: r.kind,
    name: r.name,
    refId: r.refId ?? '',
    contact: r.contact ?? '',
    building: f.place.building ?? '',
    unit: f.place.unit ?? '',
    room: f.place.room ?? '',
    placeText: f.place.text ?? '',
    text: f.text,
  }
}

const opt = <K extends string>(k: K, v: string): Partial<Record<K, string>> => (v.trim() ? ({ [k]: v.trim() } as Record<K, string>) : {})

export function fieldsOf(v: RequestText): RequestFields {
  // A register's id only for the kinds that come from a register.
  const fromRegister = v.kind === 'member' || v.kind === 'household'
  return {
    receivedOn: v.receivedOn as IsoDate,
    channel: v.channel,
    category: v.category,
    requester: { kind: v.kind, name: v.name, ...(fromRegister ? opt('refId', v.refId) : {}), ...opt('contact', v.contact) },
    place: { ...opt('building', v.building), ...opt('unit', v.unit), ...opt('room', v.room), ...opt('text', v.placeText) },
    text: v.text,
  }
}

/** Which RequestFields key an error of each form field is reported under (requestErrors' keys). */
export const ERROR_KEY: Record<keyof RequestText, keyof RequestFields> = {
  receivedOn: 'receivedOn',
  channel: 'channel',
  category: 'category',
  kind: 'requester',
  name: 'requester',
  refId: 'requester',
  contact: 'requester',
  building: 'place',
  unit: 'place',
  room: 'place',
  placeText: 'place',
  text: 'text',
}

export function requestLabels(t: TFunction<['matters', 'common']>): Record<keyof RequestText, string> {
  return {
    receivedOn: t('matters:req.field.receivedOn'),
    channel: t('matters:req.field.channel'),
    category: t('matters:req.field.category'),
    kind: t('matters:req.field.kind'),
    name: t('matters:req.field.name'),
    refId: t('matters:req.field.fromRegister'),
    contact: t('matters:req.field.contact'),
    building: t('matters:req.field.building'),
    unit: t('matters:req.field.unit'),
    room: t('matters:req.field.room'),
    placeText: t('matters:req.field.placeText'),
    text: t('matters:req.field.text'),
  }
}

/** What the list and the request's screen show as its state: a final reply closes the loop. */
export type ShownStatus = RequestStatus | 'replied'
export const shownStatus = (s: RequestState): ShownStatus => (s.finalReply ? 'replied' : s.status)


/** A request named in a list or a choice: who asked and the start of the text. */
export function requestSummary(t: TFunction<['matters', 'common']>, r: RequestFields, max = 40): string {
  const text = r.text.length > max ? `${r.text.slice(0, max)}…` : r.text
  return r.requester.name ? t('matters:req.summary', { name: r.requester.name, text }) : text
}
