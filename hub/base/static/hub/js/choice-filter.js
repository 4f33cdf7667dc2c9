// A filter box over a long list of checkboxes: typing hides the choices that do not match.
// The list works without it (every choice shown); ticked choices always stay in view.
export function initChoiceFilters (root = document) {
  root.querySelectorAll('[data-choice-filter]').forEach((container, n) => {
    const items = [...container.querySelectorAll('.govuk-checkboxes__item')]
    if (items.length < 8) return
    const id = `choice-filter-${n}`
    const group = document.createElement('div')
    group.className = 'govuk-form-group govuk-!-margin-bottom-3'
    const label = document.createElement('label')
    label.className = 'govuk-label govuk-label--s'
    label.htmlFor = id
    label.textContent = container.dataset.choiceFilter
    const input = document.createElement('input')
    input.className = 'govuk-input govuk-!-width-two-thirds'
    input.id = id
    input.type = 'search'
    input.autocomplete = 'off'
    input.spellcheck = false
    const status = document.createElement('p')
    status.className = 'govuk-body-s hub-meta govuk-!-margin-top-1 govuk-!-margin-bottom-0'
    status.setAttribute('aria-live', 'polite')
    group.append(label, input, status)
    const fieldset = container.querySelector('.govuk-checkboxes')
    fieldset.parentNode.insertBefore(group, fieldset)
    input.addEventListener('input', () => {
      const words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean)
      let shown = 0
      items.forEach((item) => {
        const text = item.textContent.toLowerCase()
        const ticked = item.querySelector('input').checked
        const match = ticked || words.every((word) => text.includes(word))
        item.hidden = !match
        if (match) shown += 1
      })
      status.textContent = words.length ? `${shown} of ${items.length} shown` : ''
    })
  })
}
