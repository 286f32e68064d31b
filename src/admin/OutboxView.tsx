import path from 'node:path'

import type { AdminViewServerProps } from 'payload'

import { userHasRole } from '@/access'
import { swedishDateTimeOrNull } from '@/domain/swedishDate'
import { loadEnv } from '@/env'
import { readOutbox } from '@/notifications/transport'
import { AdminViewShell } from './AdminViewShell'

/**
 * /admin/utkorg: the e-mails the CMS has written to the local outbox (used when
 * SMTP_URL is not set), newest first. Administrators only.
 */
export function OutboxView(view: AdminViewServerProps) {
  const { req } = view.initPageResult
  const env = loadEnv()
  const allowed = userHasRole(req.user, 'admin')
  const messages = allowed ? readOutbox(path.resolve(env.dataDir, 'outbox')).reverse().slice(0, 200) : []
  return (
    <AdminViewShell view={view} title="Utkorg">
      {!allowed ? (
        <p>Bara administratörer kan se utkorgen.</p>
      ) : env.smtpUrl ? (
        <p>E-post skickas via SMTP; utkorgen används inte.</p>
      ) : messages.length === 0 ? (
        <p>Inga meddelanden ännu. Utan SMTP_URL sparas all e-post här i stället för att skickas.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Skickat</th>
              <th scope="col">Till</th>
              <th scope="col">Ämne</th>
              <th scope="col">Text</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.file}>
                <td>{swedishDateTimeOrNull(message.date)}</td>
                <td>{message.to.join(', ')}</td>
                <td>{message.subject}</td>
                <td>
                  <details>
                    <summary>Visa</summary>
                    <pre style={{ whiteSpace: 'pre-wrap' }}>{message.text}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminViewShell>
  )
}
