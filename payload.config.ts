import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { sv } from '@payloadcms/translations/languages/sv'
import { buildConfig, type Config } from 'payload'

import { Areas } from './collections/Areas/config'
import { areaPipeline } from './collections/Areas/pipeline'
import { AuditLog } from './collections/AuditLog/config'
import { Comments } from './collections/Comments/config'
import { Indicators } from './collections/Indicators/config'
import { ResultMappings } from './collections/ResultMappings/config'
import { Links } from './collections/Links/config'
import { Notices } from './collections/Notices/config'
import { PublicationHistory } from './collections/PublicationHistory/config'
import { PublishedSnapshots } from './collections/PublishedSnapshots/config'
import { Releases } from './collections/Releases/config'
import { Sections } from './collections/Sections/config'
import { SpellingWords } from './collections/SpellingWords/config'
import { Users } from './collections/Users/config'
import { WebhookDeliveries } from './collections/WebhookDeliveries/config'
import { Webhooks } from './collections/Webhooks/config'
import { applyPayloadOwnAccess, isAdmin } from './src/access'
import { migrations } from './migrations'
import { calendarEndpoints } from './src/calendar/endpoint'
import { healthEndpoint } from './src/endpoints/health'
import { oidcEndpoints } from './src/endpoints/oidc'
import { createEmailAdapterArgs } from './src/notifications/transport'
import { releaseScheduledPublishTask } from './src/publishing/releaseScheduledPublish'
import { releaseWarningsTask } from './src/publishing/releaseWarnings'
import { reviewRemindersTask } from './src/publishing/reviewReminders'
import { scheduledPublishTask, scheduledUnpublishTask, WORKFLOW_QUEUE } from './src/publishing/scheduledPublish'
import { withStages } from './src/pipeline/stage'
import { loadEnv } from './src/env'
import { createDatabaseAdapter } from './src/database/adapter'
import { deliverWebhookTask, WEBHOOK_QUEUE } from './src/webhooks/task'
import { resolvePayloadSecret } from './src/auth/secret'
import { graphQLLimits } from './src/api/graphqlLimits'
import { swedishApiErrors } from './src/api/apiErrors'
import { ADMIN_DATE_TIME_FORMAT } from './src/fields/dateFormats'
import { translatedLabels } from './src/fields/labels'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const env = loadEnv()

/** Names SERVER_URL when the admin is opened on another address, where the session does not count. */
const wrongAddress = { path: '/src/admin/WrongAddress#WrongAddress', clientProps: { allowedOrigins: env.csrfOrigins, serverUrl: env.serverUrl } }

// Assembles only: collections, adapters and settings are defined elsewhere.
export default buildConfig({
  admin: {
    user: Users.slug,
    avatar: 'default',
    // "2 december 2026 kl. 07.14", as the public pages write it (Payload's default reads "december 2:a 2026, 7:14 fm").
    dateFormat: ADMIN_DATE_TIME_FORMAT,
    components: {
      beforeDashboard: ['/src/admin/ReviewQueue#ReviewQueue'],
      // The municipality's sign-in button first, then (if PASSWORD_LOGIN allows) the password form.
      beforeLogin: [wrongAddress, '/src/admin/SsoLogin#SsoLogin'],
      // Above every admin view: opened on another address than SERVER_URL, nothing could be saved.
      header: [wrongAddress],
      // Swedish names and dates for Payload's own components that lack them (src/admin/payloadRepairs.ts).
      providers: ['/src/admin/PayloadRepairs#PayloadRepairs'],
      afterLogin: ['/src/admin/PasswordAutocomplete#PasswordAutocomplete'],
      logout: { Button: '/src/admin/LogoutButton#LogoutButton' },
      afterNavLinks: ['/src/admin/CalendarNavLink#CalendarNavLink', '/src/admin/ResultsImportNavLink#ResultsImportNavLink', '/src/admin/OutboxNavLink#OutboxNavLink'],
      views: {
        calendar: { Component: '/src/admin/CalendarView#CalendarView', path: '/kalender' },
        outbox: { Component: '/src/admin/OutboxView#OutboxView', path: '/utkorg' },
        resultsImport: { Component: '/src/admin/ResultsImportView#ResultsImportView', path: '/importera-resultat' },
      },
    },
    meta: { titleSuffix: `– ${env.municipality}` },
    importMap: {
      baseDir: dirname,
      importMapFile: path.resolve(dirname, 'src/app/(payload)/admin/importMap.js'),
      autoGenerate: false,
    },
  },
  // Areas: what runs on a save, a publish and a delete, in order, is collections/Areas/pipeline.ts.
  collections: [withStages(Areas, areaPipeline), Releases, Sections, Links, Indicators, ResultMappings, Notices, Comments, AuditLog, Users, Webhooks, WebhookDeliveries, PublishedSnapshots, PublicationHistory],
  // Administration → Ordlista: the words the spelling check accepts (src/quality/spellingWords.ts reads it per check).
  globals: [SpellingWords],
  // Payload's own API is for the admin and for staff tools with a JWT: no cross-origin
  // browser access (the web team reads /api/v1, which has its own CORS_ORIGINS).
  cors: [],
  // The session cookie counts only from these origins (SERVER_URL plus CSRF_ORIGINS); see docs/security.md.
  csrf: env.csrfOrigins,
  db: createDatabaseAdapter(env.database, { migrationDir: path.resolve(dirname, 'migrations'), migrations }),
  // Without Lexical's indent feature: it takes the Tab key inside the editor, so a keyboard user
  // could not Tab past a rich text field (WCAG 2.1.2). Published pages do not indent paragraphs.
  editor: lexicalEditor({ features: ({ defaultFeatures }) => defaultFeatures.filter((feature) => feature.key !== 'indent') }),
  // Real SMTP with SMTP_URL; otherwise every message lands in data/outbox/ (never lost, readable by tests).
  email: nodemailerAdapter(
    createEmailAdapterArgs({
      smtpUrl: env.smtpUrl,
      outboxDir: path.resolve(env.dataDir, 'outbox'),
      fromAddress: env.mailFrom,
      fromName: `Öppna jämförelser – ${env.municipality}`,
    }),
  ),
  endpoints: [healthEndpoint, ...oidcEndpoints, ...calendarEndpoints],
  // Depth and complexity limits; introspection and the playground off in production.
  graphQL: graphQLLimits,
  // Every REST error as a Swedish message naming the field; a 5xx never carries details.
  hooks: { afterError: [swedishApiErrors] },
  jobs: {
    tasks: [scheduledPublishTask, scheduledUnpublishTask, releaseScheduledPublishTask, releaseWarningsTask, reviewRemindersTask, deliverWebhookTask],
    // Runs inside the server (started with cron in src/instrumentation.ts), so a
    // scheduled publish happens without anyone calling an endpoint.
    autoRun: [
      { cron: '*/5 * * * * *', queue: WORKFLOW_QUEUE },
      { cron: '*/5 * * * * *', queue: WEBHOOK_QUEUE },
    ],
    access: { run: isAdmin, queue: isAdmin, cancel: isAdmin },
  },
  // A person's refused action is not a server fault: one info line, no stack trace.
  loggingLevels: { RevisionConflictError: 'info', TooManyAttempts: 'info', PasswordLoginRefused: 'info' } as Config['loggingLevels'],
  i18n: {
    supportedLanguages: { sv, en },
    fallbackLanguage: 'sv',
    translations: {
      sv: {
        // Payload's Swedish calls an array row "Artikel" (an article for sale), as in the version comparison's "Artikel 01".
        general: { item: 'Rad', items: 'rader' },
        // A restore always makes a draft that is reviewed before it goes live (src/api/restoreAsDraft.ts): the main button says so.
        version: {
          restoreThisVersion: 'Återställ den här versionen som utkast',
          aboutToRestore: 'Du är på väg att återställa {{label}} <1>{{title}}</1> som ett utkast. Det granskas innan det publiceras. Är du säker?',
        },
      },
    },
  },
  // Label objects become label functions, so Payload's admin never prints "[object Object]" (src/fields/labels.ts).
  plugins: [translatedLabels],
  secret: resolvePayloadSecret(env),
  telemetry: false,
  typescript: {
    outputFile: path.resolve(dirname, 'src/payload-types.ts'),
    autoGenerate: false,
  },
  // Payload's own locks, migration records and job statistics get the access src/access/matrix.ts intends.
}).then(applyPayloadOwnAccess)
