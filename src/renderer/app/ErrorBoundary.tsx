// Last line of defence: a screen that fails to render shows a message in the user's language
// and a way back, instead of a blank window. Saved data is untouched.
import { Component, type ReactNode } from 'react'
import { Translation } from 'react-i18next'
import { href } from '../kit/router'

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null }

  static getDerivedStateFromError(error: Error) {
    return { error }
  }

  override componentDidCatch(error: Error) {
    console.error('screen failed', error)
  }

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <Translation ns="common">
        {(t) => (
          <div className="banner error" role="alert">
            <p>{t('errors.unexpected', { message: error.message })}</p>
            <a href={href({ name: 'home' })} onClick={() => this.setState({ error: null })}>
              {t('nav.home')}
            </a>
          </div>
        )}
      </Translation>
    )
  }
}
