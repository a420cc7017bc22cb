/**
 * The Carbon pictograms the deck draws (components/line-icons.ts maps each to its inline
 * SVG; a name missing there fails the type check). Data files name their icon with these.
 */
export const lineIconNames = [
  'add',
  'arrow-right',
  'assembly',
  'bot',
  'bullhorn',
  'chat',
  'code',
  'crop',
  'image',
  'music',
  'partnership',
  'pen',
  'search',
  'user',
  'user-avatar',
  'user-favorite',
  'video',
] as const

export type LineIconName = (typeof lineIconNames)[number]
