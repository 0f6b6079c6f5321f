// One agenda item as the agenda shows it: title, expected minutes, description, who proposed it
// and from where, and its attachments.
import { useTranslation } from 'react-i18next'
import type { AgendaItem } from '../../../shared/domain/meeting'

export function AgendaItemView({ item }: { item: AgendaItem }) {
  const { t } = useTranslation(['meetings', 'common'])
  return (
    <>
      <div className="row">
        <strong className="num item-title">{item.title}</strong>
        <span className="spacer" />
        <span className="muted">{t('meetings:agenda.minutes', { count: item.expectedMinutes })}</span>
      </div>
      {item.description ? <p className="pre">{item.description}</p> : null}
      <p className="muted">
        {t('meetings:agenda.meta', { proposer: item.proposer || t('meetings:agenda.noProposer'), source: t(`common:enums.source.${item.source}`) })}
      </p>
      {item.attachments.length ? (
        <p>
          {t('meetings:agenda.attachmentsList', { list: item.attachments.join(t('meetings:agenda.listSep')) })}
        </p>
      ) : null}
    </>
  )
}
