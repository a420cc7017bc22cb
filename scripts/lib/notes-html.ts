import MarkdownIt from 'markdown-it'
import { talk } from '../../data/talk'

export interface NoteEntry {
  no: number
  title: string
  note: string
}

const md = new MarkdownIt({ html: false, linkify: false, typographer: false })
const CLICK = /\[click(?::\d+)?\]/g
function escape(s: string) {
  return s.replace(/[&<>"]/g, c => ({
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
  })[c]!)
}

/** A printable A4 document of the speaker notes: one block per slide, click steps marked. */
export function notesHtml(entries: readonly NoteEntry[], fontCss = ''): string {
  const blocks = entries.map(e => `
    <section class="slide">
      <h2><span class="no">${e.no}</span> ${escape(e.title)}</h2>
      ${e.note.trim()
        ? md.render(e.note.replace(CLICK, '**▸ clic**'))
        : '<p class="empty">(pas de note)</p>'}
    </section>`).join('\n')
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Notes — ${escape(talk.title)}</title>
<style>
${fontCss}
@page { size: A4; margin: 16mm 16mm 18mm; }
body { font-family: Inter, system-ui, sans-serif; color: #13203b; font-size: 11.5pt; line-height: 1.5; }
header { border-bottom: 2px solid #b4400b; margin-bottom: 10mm; padding-bottom: 4mm; }
header h1 { font-size: 17pt; margin: 0 0 2mm; }
header p { margin: 0; color: #4b5565; }
.slide { break-inside: avoid; margin: 0 0 7mm; }
h2 { font-size: 12.5pt; margin: 0 0 1.5mm; }
.no { display: inline-block; min-width: 8mm; color: #b4400b; }
p { margin: 0 0 2mm; }
.empty { color: #4b5565; font-style: italic; }
</style></head><body>
<header><h1>${escape(talk.title)}</h1><p>Notes de l'intervenant · ${escape(talk.event)} · ${escape(talk.speakers[0].name)}</p></header>
${blocks}
</body></html>`
}
