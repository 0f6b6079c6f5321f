// Where phones are sent to vote: over plain http on a LAN host whose certificate only the desktop
// apps pin (a phone would show a certificate warning), over https on a server with a real one.
import { describe, expect, it } from 'vitest'
import { ballotPage } from '../../src/renderer/features/session/phoneActions'
import { createJoinCode, newCodeId, newCouncilSecret } from '../../src/shared/sync/joinCode'

const secret = newCouncilSecret()
const fingerprint = 'A'.repeat(43)

describe('the ballot page address on slips, the projector and the screen', () => {
  it('is plain http on the same host and port when the council syncs with a pinned, self-signed laptop host', async () => {
    const code = await createJoinCode(secret, { councilId: crypto.randomUUID(), access: 'rw', codeId: newCodeId(), fingerprint })
    const url = ballotPage({ serverUrl: 'wss://192.168.1.20:4455', code }, 'meeting/m-9', 'ABCD-EFGH')
    expect(url.startsWith('http://192.168.1.20:4455/ballot/?m=m-9#c=')).toBe(true)
  })

  it('stays https on a server with a certificate phones already trust, and http on a plain server', async () => {
    const code = await createJoinCode(secret, { councilId: crypto.randomUUID(), access: 'rw', codeId: newCodeId() })
    expect(ballotPage({ serverUrl: 'wss://yishi.example.org', code }, 'meeting/m-9')).toBe('https://yishi.example.org/ballot/?m=m-9')
    expect(ballotPage({ serverUrl: 'ws://192.168.1.20:4455', code }, 'meeting/m-9')).toBe('http://192.168.1.20:4455/ballot/?m=m-9')
  })
})
