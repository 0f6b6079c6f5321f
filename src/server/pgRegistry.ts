// The council registry of storage 'postgres': the rows in PostgreSQL, shared by every instance,
// and a copy in memory because RegistryBackend's reads are synchronous (every connection's
// authentication asks). The copy is kept fresh by LISTEN/NOTIFY: every change is written with a
// pg_notify in the same statement (sent only if it commits), every instance listens, re-reads
// that council and, for a revoked code or a new secret written by ANOTHER instance, tells the
// server (watchOthers) so it closes its own live connections of it. If the listening connection
// drops, it reconnects and reloads everything, reporting what changed meanwhile.
import { randomUUID } from 'node:crypto'
import type { Client, Pool } from 'pg'
import type { PgModule } from './pgMigrations'
import type { CodesChangedElsewhere, RegistryBackend } from './storageTypes'

export const REGISTRY_CHANNEL = 'yishi_registry'
const RECONNECT_MS = 1_000

interface Notice {
  from: string
  councilId: string
  kind: 'added' | 'rotated' | 'revoked'
  codeId?: string
}

const closedError = () => new Error('storage is closed')

export class PgRegistry implements RegistryBackend {
  private readonly secrets = new Map<string, string>()
  private readonly revoked = new Map<string, Set<string>>()
  private readonly watchers = new Set<CodesChangedElsewhere>()
  /** This instance's id in the notices it sends, so it does not act on its own twice. */
  private readonly self = randomUUID()
  private listener: Client | null = null
  private reconnect: ReturnType<typeof setTimeout> | null = null
  private closed = false
  /**
   * Per council, the writes this instance has started and those still running. A re-read that
   * overlaps a write of its council is dropped: it may have read the row before that write
   * committed, and would put the old secret back over the new one. The write's own notice, sent
   * once it has committed, re-reads the council again.
   */
  private readonly writesStarted = new Map<string, number>()
  private readonly writesRunning = new Map<string, number>()

  private constructor(
    private readonly pg: PgModule,
    private readonly url: string,
    private readonly pool: Pool,
  ) {}

  static async open(pg: PgModule, url: string, pool: Pool): Promise<PgRegistry> {
    const registry = new PgRegistry(pg, url, pool)
    await registry.listen()
    return registry
  }

  councilIds(): string[] {
    return [...this.secrets.keys()]
  }

  secretOf(councilId: string): string | null {
    return this.secrets.get(councilId) ?? null
  }

  isRevoked(councilId: string, codeId: string): boolean {
    return this.revoked.get(councilId)?.has(codeId) ?? false
  }

  watchOthers(listener: CodesChangedElsewhere): () => void {
    this.watchers.add(listener)
    return () => this.watchers.delete(listener)
  }

  async addCouncil(councilId: string, secret: string, registeredAt: string): Promise<boolean> {
    const r = await this.write(
      councilId,
      'WITH w AS (INSERT INTO councils (id, secret, registered_at) VALUES ($3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING 1) SELECT pg_notify($1, $2) FROM w',
      { councilId, kind: 'added' },
      [councilId, secret, registeredAt],
    )
    // Registered meanwhile by another instance whose notice has not arrived yet.
    if (!r) await this.refresh(councilId)
    else this.secrets.set(councilId, secret)
    return r
  }

  async replaceSecret(councilId: string, expected: string, next: string): Promise<boolean> {
    const r = await this.write(
      councilId,
      'WITH w AS (UPDATE councils SET secret = $4 WHERE id = $3 AND secret = $5 RETURNING 1) SELECT pg_notify($1, $2) FROM w',
      { councilId, kind: 'rotated' },
      [councilId, next, expected],
    )
    if (!r) await this.refresh(councilId)
    else this.secrets.set(councilId, next)
    return r
  }

  async addRevoked(councilId: string, codeId: string, revokedAt: string): Promise<void> {
    await this.write(
      councilId,
      'WITH w AS (INSERT INTO revoked (council_id, code_id, revoked_at) VALUES ($3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1) SELECT pg_notify($1, $2) FROM w',
      { councilId, kind: 'revoked', codeId },
      [councilId, codeId, revokedAt],
    )
    this.revokedOf(councilId).add(codeId)
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.reconnect) clearTimeout(this.reconnect)
    const l = this.listener
    this.listener = null
    await l?.end().catch(() => {})
  }

  /** One statement that changes a row and notifies every instance; true if a row changed. */
  private async write(councilId: string, sql: string, notice: Omit<Notice, 'from'>, params: unknown[]): Promise<boolean> {
    if (this.closed) throw closedError()
    this.writesStarted.set(councilId, (this.writesStarted.get(councilId) ?? 0) + 1)
    this.writesRunning.set(councilId, (this.writesRunning.get(councilId) ?? 0) + 1)
    try {
      const r = await this.pool.query(sql, [REGISTRY_CHANNEL, JSON.stringify({ ...notice, from: this.self }), ...params])
      return (r.rowCount ?? 0) > 0
    } finally {
      const left = (this.writesRunning.get(councilId) ?? 1) - 1
      if (left > 0) this.writesRunning.set(councilId, left)
      else this.writesRunning.delete(councilId)
    }
  }

  private revokedOf(councilId: string): Set<string> {
    let s = this.revoked.get(councilId)
    if (!s) this.revoked.set(councilId, (s = new Set()))
    return s
  }

  /** Reads one council (its secret and revoked codes) again into the copy. */
  private async refresh(councilId: string): Promise<void> {
    const started = this.writesStarted.get(councilId) ?? 0
    const busy = this.writesRunning.has(councilId)
    const [c, r] = await Promise.all([
      this.pool.query<{ secret: string }>('SELECT secret FROM councils WHERE id = $1', [councilId]),
      this.pool.query<{ code_id: string }>('SELECT code_id FROM revoked WHERE council_id = $1', [councilId]),
    ])
    // A write of this council began or was running meanwhile: what was read may be older than it.
    if (busy || this.writesRunning.has(councilId) || (this.writesStarted.get(councilId) ?? 0) !== started) return
    if (c.rows[0]) this.secrets.set(councilId, c.rows[0].secret)
    else this.secrets.delete(councilId)
    for (const row of r.rows) this.revokedOf(councilId).add(row.code_id)
  }

  /** Reads everything again; reports to the watchers what changed since the copy was made. */
  private async reloadAll(report: boolean): Promise<void> {
    const [c, r] = await Promise.all([
      this.pool.query<{ id: string; secret: string }>('SELECT id, secret FROM councils'),
      this.pool.query<{ council_id: string; code_id: string }>('SELECT council_id, code_id FROM revoked'),
    ])
    for (const row of c.rows) {
      const before = this.secrets.get(row.id)
      this.secrets.set(row.id, row.secret)
      if (report && before !== undefined && before !== row.secret) this.tell({ councilId: row.id })
    }
    for (const row of r.rows) {
      const set = this.revokedOf(row.council_id)
      if (set.has(row.code_id)) continue
      set.add(row.code_id)
      if (report) this.tell({ councilId: row.council_id, codeId: row.code_id })
    }
  }

  private tell(change: { councilId: string; codeId?: string }): void {
    for (const w of [...this.watchers]) w(change)
  }

  private async onNotice(payload: string | undefined): Promise<void> {
    let n: Notice
    try {
      n = JSON.parse(payload ?? '') as Notice
    } catch {
      return
    }
    if (typeof n.councilId !== 'string') return
    await this.refresh(n.councilId).catch(() => {})
    if (n.from === this.self || n.kind === 'added') return
    this.tell(n.kind === 'revoked' && typeof n.codeId === 'string' ? { councilId: n.councilId, codeId: n.codeId } : { councilId: n.councilId })
  }

  // LISTEN first, then load: a change committed in between is both loaded and notified (harmless).
  private async listen(): Promise<void> {
    const client = new this.pg.Client({ connectionString: this.url })
    client.on('error', () => this.lost(client))
    client.on('end', () => this.lost(client))
    client.on('notification', (m) => void this.onNotice(m.payload))
    await client.connect()
    try {
      await client.query(`LISTEN ${REGISTRY_CHANNEL}`)
      await this.reloadAll(this.listener === null && this.secrets.size > 0)
    } catch (e) {
      await client.end().catch(() => {})
      throw e
    }
    if (this.closed) return void (await client.end().catch(() => {}))
    this.listener = client
  }

  private lost(client: Client): void {
    if (this.listener !== client || this.closed) return
    this.listener = null
    void client.end().catch(() => {})
    const retry = () => {
      this.reconnect = null
      if (this.closed) return
      this.listen().catch(() => (this.reconnect = setTimeout(retry, RECONNECT_MS)))
    }
    this.reconnect = setTimeout(retry, RECONNECT_MS)
  }
}
