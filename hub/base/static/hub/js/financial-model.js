// The financial model updates its results as you type. The server works out every figure:
// this only fetches the results fragment for the form's current answers (the same template
// the full page uses) and swaps it in. Without JavaScript the form's button does the same.
const form = document.querySelector('form[data-financial-model]')
const results = document.getElementById('model-results')
const status = document.getElementById('model-status')
const DELAY = 300

if (form && results && status) {
  let timer = null
  let controller = null

  // Every field, empty ones too, exactly as the form itself would send them.
  const queryString = () => new URLSearchParams(new FormData(form)).toString()

  const refresh = async () => {
    const query = queryString()
    if (controller) controller.abort()
    controller = new AbortController()
    results.setAttribute('aria-busy', 'true')
    try {
      const response = await fetch(`${form.dataset.resultsUrl}?${query}`, {
        headers: { Accept: 'text/html' },
        signal: controller.signal,
        credentials: 'same-origin'
      })
      if (!response.ok) throw new Error(`The results could not be loaded (${response.status})`)
      results.innerHTML = await response.text()
      const address = new URL(form.action)
      address.search = query
      address.hash = ''
      window.history.replaceState(null, '', address)
      const content = results.querySelector('[data-status]')
      // One short sentence, not the whole table: the live region is polite and atomic.
      status.textContent = content ? content.dataset.status : ''
    } catch (error) {
      if (error.name !== 'AbortError') {
        status.textContent = 'The results could not be updated. Choose “Show the results” to try again.'
      }
    } finally {
      results.removeAttribute('aria-busy')
    }
  }

  const schedule = () => {
    window.clearTimeout(timer)
    timer = window.setTimeout(refresh, DELAY)
  }

  form.addEventListener('input', schedule)
  form.addEventListener('change', schedule)
  results.addEventListener('focusin', (event) => {
    if (event.target.id === 'share-link') event.target.select()
  })
}
