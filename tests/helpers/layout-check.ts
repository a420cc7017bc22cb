// What a projected slide must never show, checked in the page at 1920×1080. Runs inside
// the browser (page.evaluate), so it uses only the DOM and takes plain data.

export interface LayoutRules {
  /** The slide's number (Slidev's `.slidev-page-N`). */
  slide: number
  /** The canvas width Slidev scales to the screen (the headmatter's `canvasWidth`). */
  canvasWidth: number
  /** Smallest text the room must read, in screen px at 1080p. */
  floorPx: number
  /** Smallest text for sources and footers, in screen px at 1080p. */
  smallPrintFloorPx: number
  /** Where small print is allowed (sources, footers). */
  smallPrintSelector: string
}

/** One sentence per problem found on the slide in its current click state. */
export function layoutProblems(rules: LayoutRules): string[] {
  const page = document.querySelector<HTMLElement>(`.slidev-page-${rules.slide}`)
  const frameElement = document.querySelector<HTMLElement>('#slide-content')
  if (!page || !frameElement)
    return [`slide ${rules.slide} not rendered`]
  const frame = frameElement.getBoundingClientRect()
  const scale = frame.width / rules.canvasWidth
  const problems: string[] = []
  // 0. The slide fills the screen edge to edge: a canvas whose height is not a whole number
  // of px leaves a column of the black backdrop on both sides.
  if (Math.abs(frame.width - window.innerWidth) > 0.5 && Math.abs(frame.height - window.innerHeight) > 0.5)
    problems.push(`the slide leaves ${((window.innerWidth - frame.width) / 2).toFixed(1)} px of backdrop at each edge`)
  const describe = (el: Element) => {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)
    const cls = typeof el.className === 'string' && el.className
      ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}`
      : ''
    return `<${el.tagName.toLowerCase()}${cls}>${text
      ? ` « ${text} »`
      : ''}`
  }
  const shown = (el: Element) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
  // Mermaid draws its diagrams inside shadow roots: their labels are checked like any text.
  const deep = (root: ParentNode): (HTMLElement | SVGElement)[] => [
    ...root.querySelectorAll<HTMLElement | SVGElement>('*'),
  ]
    .flatMap(el => el.shadowRoot
      ? [
          el,
          ...deep(el.shadowRoot),
        ]
      : [el])
  const all = deep(page).filter(shown)

  const rectOf = (el: Element) => el.getBoundingClientRect()
  // Text the room reads: elements holding text of their own (screen-reader-only text is 1 px).
  const texts = all.filter(el => [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')
    && rectOf(el).width > 3 && rectOf(el).height > 3)

  // 1. Nothing outside the frame (the outermost offender only).
  const outside = new Set<Element>()
  for (const el of all) {
    const r = rectOf(el)
    if (r.width === 0 || r.height === 0)
      continue
    const out = r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1
    if (out && ![...outside].some(o => o.contains(el))) {
      outside.add(el)
      problems.push(`outside the slide: ${describe(el)} (${Math.round(r.left - frame.left)},${Math.round(r.top - frame.top)} → ${Math.round(r.right - frame.left)},${Math.round(r.bottom - frame.top)} of ${Math.round(frame.width)}×${Math.round(frame.height)})`)
    }
  }

  // 2. No visible icon or image without a size.
  for (const el of all.filter(e => e.matches('img, svg, [class^="i-"], [class*=" i-"]'))) {
    const r = rectOf(el)
    if (r.width === 0 || r.height === 0)
      problems.push(`zero-size icon or image: ${describe(el)}`)
  }

  // 3. No text over the footer or the page number.
  const footer = [
    ...page.querySelectorAll('.atelier-footer > *'),
  ].filter(shown)
  for (const el of texts) {
    if (el.closest('.atelier-footer'))
      continue
    const r = rectOf(el)
    for (const part of footer) {
      const f = rectOf(part)
      if (r.left < f.right && r.right > f.left && r.top < f.bottom && r.bottom > f.top)
        problems.push(`text over the footer: ${describe(el)}`)
    }
  }

  // 4. No text under the type floor (on screen, at this scale).
  for (const el of texts) {
    // In a diagram the font size is in the drawing's own units, scaled by its viewBox.
    const drawing = el.closest('svg')
    const box = drawing?.viewBox.baseVal
    const drawingScale = drawing && box?.width
      ? rectOf(drawing).width / box.width
      : scale
    const size = Number.parseFloat(getComputedStyle(el).fontSize) * drawingScale
    const small = !!el.closest(rules.smallPrintSelector)
    const floor = small
      ? rules.smallPrintFloorPx
      : rules.floorPx
    if (size < floor - 0.5)
      problems.push(`text at ${size.toFixed(1)} px (floor ${floor}): ${describe(el)}`)
  }

  // 5. A section title sits on the slide's centre axis (its text, not its box).
  if (page.querySelector('.slidev-layout.section, .section')) {
    const title = page.querySelector('h1')
    if (title && shown(title)) {
      const range = document.createRange()
      range.selectNodeContents(title)
      const r = range.getBoundingClientRect()
      const offset = (r.left + r.right) / 2 - (frame.left + frame.width / 2)
      if (Math.abs(offset) > 4)
        problems.push(`section title ${Math.round(offset)} px off the centre axis: ${describe(title)}`)
    }
  }
  return problems
}
