// Column headers of member registers in zh-CN, zh-TW and English, and how a header row maps to fields.

/** What a register column can hold: a MemberFields key, or a whole address to split. */
export type ImportColumnField =
  | 'name'
  | 'role'
  | 'building'
  | 'unit'
  | 'room'
  | 'areaCentiM2'
  | 'phone'
  | 'joinedOn'
  | 'leftOn'
  | 'address'

const SYNONYMS: Record<ImportColumnField, readonly string[]> = {
  name: [
    '姓名', '名字', '成员姓名', '代表姓名', '议事会成员姓名', '议事代表姓名', '户主姓名', '业主姓名', '住户姓名',
    '成員姓名', '議事會成員姓名', '議事代表姓名', '戶主姓名', '業主姓名', '住戶姓名',
    'name', 'full name', 'member name', 'member', 'councillor', 'councilor',
  ],
  role: [
    '角色', '身份', '身分', '职务', '職務', '职位', '職位', '议事会职务', '議事會職務', '担任职务', '擔任職務', '成员类别', '成員類別',
    'role', 'position', 'member role',
  ],
  building: [
    '楼栋', '楼号', '栋', '幢', '楼', '栋号', '幢号', '楼栋号', '楼宇', '楼幢', '楼座',
    '樓棟', '樓號', '棟', '樓', '棟號', '幢號', '樓棟號', '樓宇', '樓座',
    'building', 'building no', 'building number', 'bldg', 'block',
  ],
  unit: ['单元', '单元号', '單元', '單元號', 'unit', 'unit no', 'unit number', 'entrance'],
  room: [
    '房号', '室', '门牌', '门牌号', '房间号', '房间', '户号', '室号', '房屋号',
    '房號', '門牌', '門牌號', '房間號', '房間', '戶號', '室號',
    'room', 'room no', 'room number', 'flat', 'flat no', 'apartment', 'apt', 'door', 'door no',
  ],
  areaCentiM2: [
    '面积', '建筑面积', '房屋面积', '产权面积', '住房面积', '专有面积', '专有部分面积', '套内面积', '房屋建筑面积',
    '面積', '建築面積', '房屋面積', '產權面積', '住房面積', '專有面積', '專有部分面積', '套內面積', '房屋建築面積',
    'area', 'floor area', 'floor space', 'gross floor area',
  ],
  phone: [
    '电话', '手机', '联系电话', '手机号', '手机号码', '电话号码', '联系方式', '联系手机', '联系号码',
    '電話', '手機', '聯絡電話', '聯繫電話', '手機號', '手機號碼', '電話號碼', '聯絡方式', '聯繫方式', '行動電話',
    'phone', 'mobile', 'tel', 'telephone', 'phone number', 'mobile number', 'mobile phone', 'contact', 'contact number', 'cell',
  ],
  joinedOn: [
    '加入日期', '入会日期', '加入时间', '入会时间', '当选日期', '任职日期',
    '入會日期', '加入時間', '入會時間', '當選日期', '任職日期',
    'joined', 'joined on', 'join date', 'date joined', 'joining date', 'start date',
  ],
  leftOn: [
    '离开日期', '退出日期', '离任日期', '卸任日期', '离开时间', '退出时间',
    '離開日期', '離任日期', '離開時間', '退出時間',
    'left', 'left on', 'leave date', 'date left', 'leaving date', 'end date',
  ],
  address: [
    '住址', '地址', '家庭住址', '居住地址', '房屋地址', '房屋坐落', '坐落', '户', '住户', '户室',
    '家庭地址', '戶', '住戶', '戶室',
    'address', 'home address', 'household',
  ],
}

/**
 * A header as compared: width- and case-folded, without spaces, punctuation, required-field
 * stars, or a bracketed unit ("建筑面积（㎡）", "Phone No.", "*姓名" all reduce to their words).
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]|【.*?】|〔.*?〕|<.*?>/g, '')
    .replace(/[\s*:：_.\-#/\\、'"?？!！]/g, '')
    .replace(/(m2|m²|平方米|平米|sqm)$/, '')
}

const LOOKUP = new Map<string, ImportColumnField>()
for (const [field, words] of Object.entries(SYNONYMS) as [ImportColumnField, readonly string[]][]) {
  for (const w of words) LOOKUP.set(normaliseHeader(w), field)
}

export function headerField(text: string): ImportColumnField | null {
  const key = normaliseHeader(text)
  if (key === '') return null
  return LOOKUP.get(key) ?? null
}

export interface ImportColumn {
  /** 0-based column index (0 is column A). */
  index: number
  /** The header as written in the file. */
  header: string
  field: ImportColumnField
}

export interface MemberImportColumns {
  /** The spreadsheet row number (1-based) of the header row. */
  headerRowNumber: number
  /** Columns that will be read, in column order. Several columns may feed one field (电话 and 手机): the first non-empty one wins, row by row. */
  mapped: ImportColumn[]
  /** Headers that were not recognised, or not used (an address column beside 楼栋/单元/房号 columns): ignored. */
  unrecognised: Array<{ index: number; header: string }>
  /** Fields without a column: role means everyone is a councillor, joinedOn means everyone joins on ctx.defaultJoinedOn. */
  missing: Array<Exclude<ImportColumnField, 'name' | 'address'>>
  /** Whether a combined address column is split into building / unit / room. */
  addressSplit: boolean
}

/** Index of the header row among the first `scan` rows: the first with a name column. */
export function findHeaderRow(rows: readonly (readonly string[])[], scan = 10): number {
  const n = Math.min(rows.length, scan)
  for (let i = 0; i < n; i++) if ((rows[i] ?? []).some((cell) => headerField(cell) === 'name')) return i
  return -1
}

export function mapColumns(header: readonly string[], headerIndex: number): MemberImportColumns {
  const found: ImportColumn[] = []
  const unrecognised: Array<{ index: number; header: string }> = []
  header.forEach((raw, index) => {
    const text = raw.trim()
    if (text === '') return
    const field = headerField(text)
    if (field) found.push({ index, header: text, field })
    else unrecognised.push({ index, header: text })
  })
  const has = (f: ImportColumnField) => found.some((c) => c.field === f)
  const separate = has('building') || has('unit') || has('room')
  const mapped = separate ? found.filter((c) => c.field !== 'address') : found
  if (separate) for (const c of found) if (c.field === 'address') unrecognised.push({ index: c.index, header: c.header })
  unrecognised.sort((a, b) => a.index - b.index)
  const optional = ['role', 'building', 'unit', 'room', 'areaCentiM2', 'phone', 'joinedOn', 'leftOn'] as const
  const addressSplit = !separate && has('address')
  const missing = optional.filter((f) => !has(f) && !(addressSplit && (f === 'building' || f === 'unit' || f === 'room')))
  return { headerRowNumber: headerIndex + 1, mapped, unrecognised, missing, addressSplit }
}
