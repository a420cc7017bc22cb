import { compile } from '@vue/compiler-dom'
import { describe, expect, it } from 'vitest'
import { frenchText } from './french-vue'

const NNBSP = '\u202F'
const NBSP = '\u00A0'

/** The render function Vue makes of a template, with the typography step in. */
function render(template: string, filename = '/deck/components/Card.vue') {
  return compile(template, {
    nodeTransforms: [frenchText],
    filename,
  }).code
}

describe('frenchText (Vue compiler step)', () => {
  it('sets the static text of the deck\'s templates in French typography', () => {
    const code = render('<p>L\'atelier : « quand ? » 13 %</p>')
    expect(code).toContain(`L’atelier${NBSP}: «${NNBSP}quand${NNBSP}?${NNBSP}» 13${NNBSP}%`)
  })

  it('leaves interpolations, code and attribute values alone', () => {
    const code = render('<div title="l\'id : x"><code>a : b</code>{{ "it\'s" }} d\'abord</div>')
    expect(code).toContain('a : b')
    expect(code).toContain('title: "l\'id : x"')
    expect(code).toContain('"it\'s"')
    expect(code).toContain('d’abord')
  })

  it('never rewrites a dependency\'s templates (Slidev\'s own interface)', () => {
    const code = render('<p>Slidev\'s notes : here</p>', '/deck/node_modules/@slidev/client/pages/presenter.vue')
    expect(code).toContain('Slidev\'s notes : here')
  })
})
