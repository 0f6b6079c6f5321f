// What a laptop that has a council but not its key can do to sync and invite again (issue 24): shown
// when the server answers that it holds the council under another key, and on a read-write device
// without the key. Three ways, in the order that restores the most.
import { useTranslation } from 'react-i18next'
import { href } from '../../kit/router'

export function NewLaptopHelp({ joined }: { joined: boolean }) {
  const { t } = useTranslation('sync')
  return (
    <div className="card" role="note" aria-labelledby="new-laptop-title">
      <h3 id="new-laptop-title">{t('newLaptop.title')}</h3>
      <ol>
        <li>
          {t(joined ? 'newLaptop.backupJoined' : 'newLaptop.backup')} <a href={href({ name: 'backup' })}>{t('newLaptop.backupLink')}</a>
        </li>
        <li>{t(joined ? 'newLaptop.invitingJoined' : 'newLaptop.inviting')}</li>
        {joined ? null : (
          <li>
            {t('newLaptop.rejoin')} <a href={href({ name: 'joinCouncil' })}>{t('newLaptop.joinLink')}</a>
          </li>
        )}
      </ol>
      <p className="muted">{t('newLaptop.oldCodes')}</p>
    </div>
  )
}
