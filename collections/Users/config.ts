import type { CollectionConfig } from 'payload'

import { loadEnv, usesHttps } from '@/env'
import { adminFieldOnly, isAdmin, isAdminOrSelf, isStaff, ownAccountFieldOnly, ROLE_LABELS, ROLES, staffOrSelf } from '@/access'
import { calendarFeedFields } from '@/calendar/fields'
import { USERS } from '..'
import {
  auditFailedLogin,
  auditRoleChange,
  enforcePasswordLoginPolicy,
  firstUserIsAdmin,
  keepOneAdminOnDelete,
  keepOneAdminOnUpdate,
  limitAuthAttempts,
  limitDirectorySessions,
  rejectRoleChangeByNonAdmin,
  rolesEditableHere,
  rolesRequiredUnlessDirectory,
} from './hooks'
import { DAY_AND_TIME } from '@/fields/dateFormats'

export const MAX_LOGIN_ATTEMPTS = 5
export const LOCK_TIME_MS = 15 * 60 * 1000

export const Users: CollectionConfig = {
  slug: USERS,
  labels: {
    singular: { sv: 'Användare', en: 'User' },
    plural: { sv: 'Användare', en: 'Users' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
    group: { sv: 'Administration', en: 'Administration' },
  },
  auth: {
    maxLoginAttempts: MAX_LOGIN_ATTEMPTS,
    lockTime: LOCK_TIME_MS,
    // SESSION_HOURS; a directory account's session also ends that long after its sign-in (limitDirectorySessions).
    tokenExpiration: Math.round(loadEnv().sessionHours * 60 * 60),
    // payload-token is always HttpOnly (Payload). Secure follows SERVER_URL's scheme, not NODE_ENV:
    // `npm start` on a plain-http intranet address must still keep its session (docs/security.md).
    cookies: { sameSite: 'Lax', secure: usesHttps(loadEnv()) },
    // Payload's own interval writes a reservation outside the request's transaction while that
    // transaction holds SQLite's single write turn: it would wait for itself
    // (src/database/sqliteTransactions.ts). The per-account limit in limitAuthAttempts replaces it.
    forgotPassword: { minRequestInterval: 0 },
  },
  access: {
    // A person needs a role to use the admin: a directory account whose groups give none has none.
    admin: isStaff,
    create: isAdmin,
    // Colleagues by name wherever the admin names a person; the account's private parts are its own fields' access.
    read: staffOrSelf,
    update: isAdminOrSelf,
    delete: isAdmin,
    unlock: isAdmin,
  },
  hooks: {
    beforeOperation: [limitAuthAttempts, limitDirectorySessions],
    beforeLogin: [enforcePasswordLoginPolicy],
    beforeChange: [firstUserIsAdmin, keepOneAdminOnUpdate],
    beforeDelete: [keepOneAdminOnDelete],
    afterChange: [auditRoleChange],
    afterError: [auditFailedLogin],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      label: { sv: 'Namn', en: 'Name' },
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      // Required for local accounts; a directory account whose groups give no role keeps none (rolesRequiredUnlessDirectory).
      validate: rolesRequiredUnlessDirectory,
      defaultValue: ['editor'],
      saveToJWT: true,
      label: { sv: 'Roller', en: 'Roles' },
      admin: {
        description: {
          sv: 'Redaktörer skriver, granskare godkänner och publicerar, administratörer hanterar användare. Bara administratörer kan ändra roller. För konton som loggar in med kommunens konto kommer rollerna från kommunens katalog och sätts vid varje inloggning; de kan inte ändras här.',
          en: 'Editors write, reviewers approve and publish, administrators manage users. Only administrators can change roles. For accounts that sign in with the municipality’s account, roles come from the directory at every sign-in and cannot be changed here.',
        },
      },
      options: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
      access: { create: adminFieldOnly, update: rolesEditableHere },
      hooks: { beforeValidate: [rejectRoleChangeByNonAdmin] },
    },
    {
      name: 'sso',
      type: 'group',
      label: { sv: 'Kommunens konto', en: 'Directory account' },
      admin: {
        readOnly: true,
        condition: (data) => Boolean(data?.sso?.subject),
        description: {
          sv: 'Kontot loggar in med kommunens konto (OpenID Connect). Roller och namn kommer från katalogen.',
          en: 'This account signs in with the municipality’s account (OpenID Connect). Roles and name come from the directory.',
        },
      },
      // Written only by the sign-in (local API with overrideAccess), never through an API; read by its owner and admins.
      access: { create: () => false, update: () => false, read: ownAccountFieldOnly },
      fields: [
        { name: 'issuer', type: 'text', label: { sv: 'Utfärdare', en: 'Issuer' } },
        { name: 'subject', type: 'text', index: true, label: { sv: 'Id i katalogen (sub)', en: 'Subject (sub)' } },
        { name: 'lastSignInAt', type: 'date', label: { sv: 'Senaste inloggning', en: 'Last sign-in' }, admin: { date: DAY_AND_TIME } },
      ],
    },
    ...calendarFeedFields(),
  ],
}
