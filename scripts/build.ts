/** `npm run build`: a production build that `npm start` and Docker both run. */
import { buildProduction } from './lib/build'

const started = Date.now()
try {
  await buildProduction(process.cwd())
} catch (error) {
  console.error(`✖ ${(error as Error).message}`)
  process.exit(1)
}
console.log(`Bygget klart på ${((Date.now() - started) / 1000).toFixed(1)} s.`)
