// The plain-English check as you type, on the Customer Service Standards form. The page already
// works without this: "Check my wording" re-renders the form with the findings. Here, a moment
// after typing stops, the text is sent to the server, which renders the same findings fragment
// the form shows; the check itself lives only on the server.
const form = document.querySelector('form[data-plain-english-url]')

if (form) {
  const url = form.dataset.plainEnglishUrl
  const token = form.querySelector('input[name="csrfmiddlewaretoken"]')?.value ?? ''
  const timers = new Map()
  const pending = new Map()

  const refresh = async (field) => {
    const slot = document.getElementById(`${field.id}-findings`)
    if (!slot) return
    pending.get(field.id)?.abort()
    const controller = new AbortController()
    pending.set(field.id, controller)
    const body = new FormData()
    body.append('text', field.value)
    try {
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers: { 'X-CSRFToken': token },
        credentials: 'same-origin',
        signal: controller.signal
      })
      if (response.ok) {
        // Server-rendered and escaped by Django's templates, like the rest of the page.
        slot.innerHTML = await response.text()
      }
    } catch (error) {
      // An aborted or failed check leaves the last findings; saving does not depend on it.
    }
  }

  form.addEventListener('input', (event) => {
    const field = event.target
    if (!(field instanceof HTMLTextAreaElement) || !field.dataset.plainEnglish) return
    clearTimeout(timers.get(field.id))
    timers.set(field.id, setTimeout(() => refresh(field), 400))
  })
}
