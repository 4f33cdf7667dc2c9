// Starts every GOV.UK Frontend component on the page (accordions, error
// summaries, service navigation toggle, etc.). Loaded as a module, so it only
// runs in browsers that GOV.UK Frontend supports.
import { initAll } from './govuk-frontend.min.js'
import { initChoiceFilters } from './choice-filter.js'

initAll()
initChoiceFilters()
