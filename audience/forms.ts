import type { CellId, Verdict } from '../data/matrix'
import type { ChoicePoll, PollDefinition, VerdictPoll } from '../data/polls'
import type { Choice } from '../poll/types'
import { cellById, matrixColumns, matrixRows, verdictIds, verdicts } from '../data/matrix'
import { h } from './dom'

function optionLabel(poll: ChoicePoll, optionId: string, fallback: string): Node {
  if (poll.id !== 'placement')
    return h('span', { class: 'option__text' }, fallback)
  const cell = cellById(optionId as CellId)
  const row = matrixRows.find(r => r.id === cell.row)!.label
  const column = matrixColumns.find(c => c.id === cell.column)!.label
  return h('span', { class: 'option__text' }, h('strong', {}, row), h('br'), column, h('br'), h('small', {}, `ex. : ${cell.examples[0]}`))
}

function choiceFields(poll: ChoicePoll): HTMLElement {
  return h('fieldset', {}, h('legend', { class: 'sr-only' }, poll.question), ...poll.options.map(o =>
    h('label', { class: 'option' }, h('input', {
      type: 'radio',
      name: poll.id,
      value: o.id,
      required: true,
    }), optionLabel(poll, o.id, o.label)),
  ))
}

/**
 * One compact row per cell: its name and axes, then N, O, Y and « sans avis » side by side,
 * each with its letter, symbol and short words (the visible words are the accessible name,
 * WCAG 2.5.3). Nine rows fit a 320 px phone in about three screens.
 */
function verdictFields(poll: VerdictPoll): HTMLElement {
  return h('div', { class: 'cells' }, ...poll.cells.map((id) => {
    const cell = cellById(id)
    const row = matrixRows.find(r => r.id === cell.row)!.label
    const column = matrixColumns.find(c => c.id === cell.column)!.label
    const choice = (value: string, mark: string, words: string, title: string) =>
      h('label', { class: `verdict verdict--${value || 'none'}`, title }, h('input', {
        type: 'radio',
        name: id,
        value,
        ...(value
          ? {}
          : { checked: true }),
      }), h('span', { 'class': 'verdict__mark', 'aria-hidden': 'true' }, mark), h('span', { class: 'verdict__label' }, words))
    return h('fieldset', { class: 'cell' }, h('legend', {}, h('strong', { class: 'cell__name' }, cell.name), h('small', {}, `${row} · ${column}`)), h('div', { class: 'verdicts' }, ...verdictIds.map(v => choice(v, `${v} ${verdicts[v].symbol}`, verdicts[v].short, verdicts[v].label)), choice('', '–', 'Sans avis', 'Sans avis')))
  }))
}

/** The form for one open poll. */
export function pollForm(poll: PollDefinition): HTMLFormElement {
  const fields = poll.kind === 'choice'
    ? choiceFields(poll)
    : verdictFields(poll)
  const hint = poll.kind === 'verdict'
    ? h('p', { class: 'hint' }, 'Répondez pour les cases de votre choix. N : pas encore efficace ; O : expérimentation à accompagner ; Y : déploiement à envisager.')
    : null
  return h('form', { 'class': 'poll-form', 'data-poll': poll.id, 'novalidate': true }, hint, fields, h('button', { type: 'submit', class: 'submit' }, poll.kind === 'verdict'
    ? 'Envoyer mes verdicts'
    : 'Voter'))
}

/** Checks the inputs of an earlier choice, so that a reload shows what this phone sent. */
export function fillForm(form: HTMLFormElement, choice: Choice): void {
  const pairs = 'option' in choice
    ? [
        [form.dataset.poll!, choice.option],
      ]
    : Object.entries(choice.verdicts)
  for (const [name, value] of pairs) {
    const input = [
      ...form.querySelectorAll<HTMLInputElement>('input[type="radio"]'),
    ].find(i => i.name === name && i.value === value)
    if (input)
      input.checked = true
  }
}

/** Reads the form's choice, or returns a French message saying what is missing. */
export function readChoice(poll: PollDefinition, form: HTMLFormElement): Choice | string {
  const data = new FormData(form)
  if (poll.kind === 'choice') {
    const option = data.get(poll.id)
    return typeof option === 'string'
      ? { option }
      : 'Choisissez une réponse avant de voter.'
  }
  const chosen: Partial<Record<CellId, Verdict>> = {}
  for (const id of poll.cells) {
    const v = data.get(id)
    if (typeof v === 'string' && v !== '')
      chosen[id] = v as Verdict
  }
  return Object.keys(chosen).length
    ? { verdicts: chosen }
    : 'Choisissez au moins un verdict avant d\'envoyer.'
}
