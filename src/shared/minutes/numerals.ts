// Heading numerals of the printed documents: GB/T 9704 orders the levels 一、 （一） 1. （1） in
// Chinese; English documents use 1. (1) (a) (i). Pure, for any positive integer the minutes need.
import type { HeadingLevel } from './blocks'

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
const UNITS = ['', '十', '百', '千']

/**
 * A positive integer in Chinese numerals as written in headings: 一 … 十, 十一 (not 一十一),
 * 二十, 九十九, 一百, 一百零一, 一百一十, 一千零五, up to 9999; larger or invalid numbers
 * fall back to Arabic digits.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1 || n > 9999) return String(n)
  const digits = String(n).split('').map(Number)
  let out = ''
  let zero = false
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i]!
    if (d === 0) {
      zero = out !== ''
      return
    }
    if (zero) out += DIGITS[0]
    zero = false
    out += DIGITS[d]! + unit
  })
  // 10–19 are read 十, 十一 … 十九, never 一十 at the head of the number.
  return n >= 10 && n < 20 ? out.slice(1) : out
}

const ROMAN: [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
]

/** Lower-case Roman numerals (1 → i, 4 → iv, 99 → xcix) up to 3999, Arabic beyond. */
export function romanNumeral(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1 || n > 3999) return String(n)
  let rest = n
  let out = ''
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol
      rest -= value
    }
  }
  return out
}

/** Lower-case letters: 1 → a, 26 → z, 27 → aa (as spreadsheet columns). */
export function letterNumeral(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) return String(n)
  let rest = n
  let out = ''
  while (rest > 0) {
    const r = (rest - 1) % 26
    out = String.fromCharCode(97 + r) + out
    rest = Math.floor((rest - 1) / 26)
  }
  return out
}

const isChinese = (lang: string): boolean => /^zh(-|$)/i.test(lang)

/**
 * The numeral of the n-th heading (from 1) at a level, formatted with its punctuation:
 * Chinese 一、 （一） 1. （1）; other languages 1. (1) (a) (i).
 */
export function headingNumber(level: HeadingLevel, n: number, lang: string): string {
  if (isChinese(lang)) {
    switch (level) {
      case 1:
        return `${chineseNumeral(n)}、`
      case 2:
        return `（${chineseNumeral(n)}）`
      case 3:
        return `${n}.`
      case 4:
        return `（${n}）`
    }
  }
  switch (level) {
    case 1:
      return `${n}.`
    case 2:
      return `(${n})`
    case 3:
      return `(${letterNumeral(n)})`
    case 4:
      return `(${romanNumeral(n)})`
  }
}
