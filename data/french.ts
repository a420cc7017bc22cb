/**
 * French typography, in one place: curly apostrophes, « guillemets » with narrow
 * no-break spaces, a no-break space before « : » and a narrow one before « ; ! ? »,
 * and « 13 % » kept on one line. Applied to every text node of the deck's templates
 * (slides.md included, by a Vue compiler step: vite/french-vue.ts) and to the
 * text of data/ (typeset, below). Vue interpolations and addresses are left alone.
 */
const NNBSP = '\u202F'
const NBSP = '\u00A0'

/** What must never change: `{{ expressions }}` and web addresses. */
const PROTECTED = /(\{\{[\s\S]*?\}\}|https?:\/\/\S+)/

const RULES: [RegExp, string][] = [
  [/(\p{L})'(?=\p{L})/gu, '$1\u2019'],
  [/«[ \t\u00A0\u202F]*/g, `«${NNBSP}`],
  [/[ \t\u00A0\u202F]*»/g, `${NNBSP}»`],
  [/[ \t\u00A0\u202F]+([;!?])/g, `${NNBSP}$1`],
  [/[ \t\u00A0\u202F]+:/g, `${NBSP}:`],
  [/(\d)[ \t\u00A0\u202F]%/g, `$1${NNBSP}%`],
  // « 100 000 »: thousands kept together (a year before a number, « 2023 100 », is left alone).
  [/(?<!\d)(\d{1,3}) (?=\d{3}(?!\d))/g, `$1${NNBSP}`],
]

export function frenchTypography(text: string): string {
  return text.split(PROTECTED).map((part, i) => i % 2 === 1
    ? part
    : RULES.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), part)).join('')
}

/** Keys whose values are identifiers, not text: never retyped. */
const IDENTIFIERS = new Set(['id', 'icon', 'icons', 'key', 'color', 'url', 'href', 'source', 'sources', 'row', 'column', 'kind', 'verdict', 'category', 'letter', 'vouchedBy'])

/** The same value with French typography on every text it holds (keys and identifiers untouched). */
export function typeset<T>(value: T, key?: string): T {
  if (typeof value === 'string')
    return (key && IDENTIFIERS.has(key) ? value : frenchTypography(value)) as T
  if (Array.isArray(value))
    return value.map(v => typeset(v, key)) as T
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, IDENTIFIERS.has(k) ? v : typeset(v, k)])) as T
  return value
}

/** What an editor would circle in a text meant to be read: each rule with its name. */
const DEFECTS: [string, RegExp][] = [
  ['apostrophe droite', /\p{L}'\p{L}/u],
  ['espace sécable avant « : ; ! ? % »', / [:;!?%](?![\w/])/],
  ['espace sécable après « ou avant »', /« | »/],
  ['guillemet sans espace', /«(?=\S)|(?<=\S)»/],
  ['espace avant un point', /[^\s.] \.(?![.\d])/],
  ['pluriel entre parenthèses', /\(s\)/],
  ['« no » pour numéro', /\bno \d/],
  ['nombre coupé par une espace sécable', /\d \d{3}(?!\d)/],
]

/**
 * The typographic defects of a text, by name (empty when it reads well): straight
 * apostrophes, breakable spaces before « : ; ! ? % » or inside « », a space before a full
 * stop, « (s) », « no » for « n° », a number broken by a breakable space.
 */
export function typographyDefects(text: string): string[] {
  const defects: string[] = []
  for (const line of text.split(PROTECTED).filter((_, i) => i % 2 === 0).join(' ').split('\n')) {
    for (const [name, pattern] of DEFECTS) {
      const found = pattern.exec(line)
      if (found)
        defects.push(`${name} : « ${line.slice(Math.max(0, found.index - 25), found.index + 25).trim()} »`)
    }
  }
  return defects
}
