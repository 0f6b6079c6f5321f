// The phone side of an open vote: the room's ballot page (address and a large QR code) and how
// many ballots have come in. Never who voted what: for a secret ballot only counts; a roll call's
// choices are public and shown in the vote's own table.
import { useTranslation } from 'react-i18next'
import type { Vote } from '../../../shared/doc/votes'
import { ballotBoxFull, ballotBoxOf, ballotsIn } from '../../../shared/domain/votes'
import { href } from '../../kit/router'
import { useCouncil } from '../../kit/CouncilContext'
import { useMeeting } from '../../kit/MeetingContext'
import { ballotPage } from './phoneActions'
import { QrCode } from '../../kit/QrCode'
import { usePhoneHost, usePhoneHostMissing } from '../../kit/phoneHost'

/** Ballots in from phones: the host's running count (secret ballot and roll call alike). */
export const phoneBallotCount = (vote: Vote): number => vote.phone?.received ?? 0

export function PhoneVoting({ vote, sealing }: { vote: Vote; sealing: boolean }) {
  const { t } = useTranslation('session')
  const { council } = useCouncil()
  const { handle } = useMeeting()
  const host = usePhoneHost(council.id)
  const missing = usePhoneHostMissing(council.id)
  const phone = vote.phone
  if (!phone) return null
  const url = host ? ballotPage(host, handle.name) : null
  const secret = vote.method === 'secret'
  const box = ballotBoxOf(vote)
  const total = ballotsIn(box)
  return (
    <section className="phone-voting" aria-labelledby={`phones-${vote.id}`}>
      {/* The count beside its heading, so the secretary sees it without scrolling. */}
      <div className="phone-voting-head">
        <h5 id={`phones-${vote.id}`}>{t('phones.title')}</h5>
        <p role="status" className="phone-count" data-testid="phone-count">
          {t('phones.received', { count: phoneBallotCount(vote) })}
        </p>
      </div>
      <div className="phone-voting-body">
        <div className="phone-voting-text">
          {secret ? (
            <p role="status" data-testid="ballots-in">
              {t('phones.ballotsIn', { total, eligible: vote.eligible.length, laptop: vote.checkedOff.length, phone: phone.received })}
            </p>
          ) : null}
          {secret && ballotBoxFull(box) ? <p className="saved">{t('phones.full')}</p> : null}
          {sealing ? <p role="status">{t('phones.sealing')}</p> : null}
          {phone.sealedAt ? <p className="saved">{t('phones.sealed', { count: phone.received })}</p> : null}
          {url ? (
            <>
              <p>{t('phones.scan')}</p>
              <p className="label">{t('phones.address')}</p>
              <p>
                <code className="ballot-url" data-testid="ballot-url">
                  {url}
                </code>
              </p>
            </>
          ) : missing === 'readOnly' ? (
            <p className="muted">{t('phones.noHostReadOnly')}</p>
          ) : missing === 'noSync' ? (
            <p className="muted">
              {t('phones.noHostHere')} <a href={href({ name: 'council', councilId: council.id, tab: 'sync' })}>{t('phones.syncLink')}</a>
            </p>
          ) : null}
        </div>
        {url && !phone.sealedAt ? <QrCode text={url} label={t('phones.qr')} size={260} className="qr-code room-qr" /> : null}
      </div>
    </section>
  )
}
