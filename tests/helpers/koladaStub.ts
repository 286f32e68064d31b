/**
 * A local stand-in for Kolada's API on 127.0.0.1, serving recorded responses
 * in the documented v2 shape. Each path answers from a queue (the last answer
 * repeats), so a test can script paging, a 5xx then success, or a 5xx forever.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type StubAnswer = { status: number; body: unknown }

export type KoladaStub = {
  url: string
  /** Answers for a path (with its query), in order. */
  answer: (path: string, ...answers: StubAnswer[]) => void
  requests: string[]
  close: () => Promise<void>
}

export async function startKoladaStub(): Promise<KoladaStub> {
  const queues = new Map<string, StubAnswer[]>()
  const requests: string[] = []
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/'
    requests.push(path)
    const queue = queues.get(path)
    const answer = queue && queue.length > 1 ? queue.shift()! : queue?.[0]
    if (!answer) {
      res.writeHead(404, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ error: 'not recorded', path }))
      return
    }
    res.writeHead(answer.status, { 'Content-Type': 'application/json' })
    res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    answer: (path, ...answers) => queues.set(path, answers),
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** One KPI value in Kolada's shape: totals and per gender. */
export const koladaValue = (kpi: string, municipality: string, period: number, total: number | null, status = '') => ({
  kpi,
  municipality,
  period,
  values: [
    { gender: 'K', count: 1, status, value: total },
    { gender: 'T', count: municipality === '0000' ? 290 : 1, status, value: total },
  ],
})
