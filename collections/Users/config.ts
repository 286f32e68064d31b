import type { CollectionConfig } from 'payload'

import { loadEnv, usesHttps } from '@/env'
import { adminFieldOnly, isAdmin, isAdminOrSelf, isAuthenticated, ROLE_LABELS, ROLES } from '@/access'
import { USERS } from '..'
import {
  auditFailedLogin,
  auditRoleChange,
  firstUserIsAdmin,
  keepOneAdminOnDelete,
  keepOneAdminOnUpdate,
  limitAuthAttempts,
  rejectRoleChangeByNonAdmin,
} from './hooks'

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
    tokenExpiration: 8 * 60 * 60,
    // payload-token is always HttpOnly (Payload). Secure follows SERVER_URL's scheme, not NODE_ENV:
    // `npm start` on a plain-http intranet address must still keep its session (docs/security.md).
    cookies: { sameSite: 'Lax', secure: usesHttps(loadEnv()) },
    // Payload's own interval writes a reservation outside the request's transaction while that
    // transaction holds SQLite's single write turn: it would wait for itself
    // (src/server/sqliteTransactions.ts). The per-account limit in limitAuthAttempts replaces it.
    forgotPassword: { minRequestInterval: 0 },
  },
  access: {
    admin: isAuthenticated,
    create: isAdmin,
    read: isAdminOrSelf,
    update: isAdminOrSelf,
    delete: isAdmin,
    unlock: isAdmin,
  },
  hooks: {
    beforeOperation: [limitAuthAttempts],
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
      required: true,
      defaultValue: ['editor'],
      saveToJWT: true,
      label: { sv: 'Roller', en: 'Roles' },
      admin: {
        description: {
          sv: 'Redaktörer skriver, granskare godkänner och publicerar, administratörer hanterar användare. Bara administratörer kan ändra roller.',
          en: 'Editors write, reviewers approve and publish, administrators manage users. Only administrators can change roles.',
        },
      },
      options: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
      access: { create: adminFieldOnly, update: adminFieldOnly },
      hooks: { beforeValidate: [rejectRoleChangeByNonAdmin] },
    },
  ],
}
