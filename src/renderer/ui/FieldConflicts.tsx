// Fields another device changed while this person was changing them too: each says both values
// and lets the person keep theirs or take the other device's, before anything is saved.
import { useTranslation } from 'react-i18next'

export interface ShownConflict {
  key: string
  label: string
  mine: string
  theirs: string
}

export function FieldConflicts({ conflicts, onKeepMine, onTakeTheirs }: { conflicts: readonly ShownConflict[]; onKeepMine: (key: string) => void; onTakeTheirs: (key: string) => void }) {
  const { t } = useTranslation('common')
  if (conflicts.length === 0) return null
  return (
    <div className="banner error" role="alert" data-testid="field-conflicts">
      <ul className="plain">
        {conflicts.map((c) => (
          <li key={c.key}>
            <p>{t('unsaved.conflict', { field: c.label, mine: c.mine, theirs: c.theirs })}</p>
            <div className="row">
              <button type="button" onClick={() => onKeepMine(c.key)}>
                {t('unsaved.keepMine')}
              </button>
              <button type="button" onClick={() => onTakeTheirs(c.key)}>
                {t('unsaved.takeTheirs')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  )
}
