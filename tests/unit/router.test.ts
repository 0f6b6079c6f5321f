// The hash routes: every screen's address reads back as the same screen (a reload, a bookmark, a
// link from a matter to its request), and an address that names no screen is "not found".
import { describe, expect, it } from 'vitest'
import { href, parseRoute, type Route } from '../../src/renderer/kit/router'

const c = 'c0ffee00-1111'
const routes: Route[] = [
  { name: 'home' },
  { name: 'council', councilId: c, tab: 'requests' },
  { name: 'council', councilId: c, tab: 'matters' },
  { name: 'council', councilId: c, tab: 'fund' },
  { name: 'council', councilId: c, tab: 'ledgers' },
  { name: 'newRequest', councilId: c },
  { name: 'request', councilId: c, year: 2026, requestId: 'req-00000001' },
  { name: 'matter', councilId: c, year: 2025, matterId: 'mat-00000001' },
  { name: 'fundYear', councilId: c, year: 2026, tab: 'ledger' },
  { name: 'fundProject', councilId: c, year: 2026, projectId: 'prj-00000001' },
  { name: 'meeting', councilId: c, meetingId: 'meet-0001' },
  { name: 'campaign', councilId: c, campaignId: 'camp-00001', tab: 'record' },
]

describe('hash routes', () => {
  it.each(routes.map((r) => [href(r), r] as const))('%s reads back as the same screen', (address, route) => {
    expect(parseRoute(address)).toEqual(route)
  })

  it('finds no screen at an address with a year no document can have, or an unknown tab', () => {
    expect(parseRoute(`#/c/${c}/r/1850/req-00000001`)).toEqual({ name: 'notFound' })
    expect(parseRoute(`#/c/${c}/f/2026/budget`)).toEqual({ name: 'notFound' })
    expect(parseRoute(`#/c/${c}/x/2026/<script>`)).toEqual({ name: 'notFound' })
  })
})
