// A printed document (会议记录, 纪要, 公示, review opinion) as a list of plain-text blocks: the one
// model that the HTML (print and PDF) and DOCX producers both render, so every format shows the
// same words. Text here is never markup: every producer escapes it for its own format.

/** GB/T 9704 heading levels: 一、 (一) 1. (2) — `number` carries the numeral already formatted. */
export type HeadingLevel = 1 | 2 | 3 | 4

export type Block =
  /** The document title: 小标宋, size 2 (22 pt), centred. */
  | { kind: 'title'; text: string }
  /** A centred line under the title (the council and meeting, a reference number). */
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; level: HeadingLevel; number: string; text: string }
  /** Body text, 仿宋 size 3 (16 pt); indent: first line indented two characters. */
  | { kind: 'paragraph'; text: string; indent: boolean }
  /** A labelled line ("时间：2026年11月22日 19:00"). */
  | { kind: 'field'; label: string; value: string }
  /** The 出席 / 请假 / 列席 lines after the body of a 纪要 (label in 黑体, hanging indent). */
  | { kind: 'attendance'; label: string; value: string }
  /** A ruled table; header cells in bold. Every row has header.length cells. */
  | { kind: 'table'; header: string[]; rows: string[][] }
  /** Signature lines: label (主持人 / 记录人), the name as signed, the time, or empty lines to sign on paper. */
  | { kind: 'signatures'; entries: { label: string; name: string; at: string }[] }
  /** A date line, right-aligned (成文日期, Arabic numerals). */
  | { kind: 'date'; text: string }
  /** The seal: the SHA-256 hash in full, printed with a QR code of it, and a line saying how to check it. */
  | { kind: 'seal'; label: string; hash: string; note: string }
  /**
   * The 落款 of a 纪要 or 公示: the issuer (the council's name), then the date, then the seal when
   * sealed. Printed as one unit that never stands alone on a page: kept whole and kept with the
   * last lines of the body before it (CSS break-inside / break-before avoid, DOCX keepNext).
   */
  | { kind: 'closing'; issuer: string; date: string; seal: { label: string; hash: string; note: string } | null }
  | { kind: 'pageBreak' }

export interface PrintDocument {
  kind: 'record' | 'summary' | 'notice' | 'review'
  /** BCP 47 language of the text (zh-CN, zh-TW, en): the HTML lang attribute and DOCX language. */
  lang: string
  /** The title, also the HTML <title> and the DOCX core property. */
  title: string
  /** A draft (not yet sealed): every page carries the draft mark. */
  draft: string | null
  /** The running footer text beside the page number, e.g. the council's name; may be empty. */
  footer: string
  blocks: Block[]
}
