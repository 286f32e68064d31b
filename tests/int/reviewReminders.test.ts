import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readOutbox } from '@/notifications/transport'
import { REVIEW_REMINDERS_TASK } from '@/publishing/reviewReminders'
import { WORKFLOW_QUEUE } from '@/publishing/scheduledPublish'
import { startTestCms, type TestCms } from '../helpers/payload'
import { createUser } from '../helpers/users'

let cms: TestCms

beforeAll(async () => {
  cms = await startTestCms()
})
afterAll(async () => cms?.cleanup())

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

async function runReminders() {
  await cms.payload.jobs.queue({ task: REVIEW_REMINDERS_TASK as never, input: {} as never, queue: WORKFLOW_QUEUE })
  await cms.payload.jobs.run({ queue: WORKFLOW_QUEUE })
}

describe('review-by reminders', () => {
  it('e-mails the owner of a page due within 14 days, once per date, and nobody else', async () => {
    await createUser(cms.payload, ['admin'])
    const owner = await createUser(cms.payload, ['editor'], 'Olga Ägare')
    const other = await createUser(cms.payload, ['editor'], 'Otto Annan')
    const page = (title: string, reviewBy: string, ownerId: number | string) =>
      cms.payload.create({ collection: 'areas', draft: true, data: { title, body: [], owner: ownerId as number, reviewBy } as never })
    await page('Snart dags', inDays(10), owner.id)
    await page('Långt kvar', inDays(60), other.id)

    await runReminders()
    await runReminders()
    const mails = readOutbox(`${cms.dataDir}/outbox`)
    expect(mails.map((mail) => [mail.subject, mail.to])).toEqual([['Dags att se över: Snart dags', [owner.email]]])
  })
})
