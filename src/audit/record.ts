import type { PayloadRequest } from 'payload'

import { AUDIT_LOG } from '@/slugs'
import { auditAppendContext } from '@/pipeline/context'
import type { AuditAction } from './actions'

export type AuditEntry = {
  action: AuditAction
  collection?: string
  documentId?: number | string | null
  documentTitle?: string | null
  versionId?: number | string | null
  transition?: string | null
  fromState?: string | null
  toState?: string | null
  comment?: string | null
  details?: Record<string, unknown> | null
}

/**
 * Appends one entry in the caller's transaction (same req), so the log and
 * the change it describes are written together or not at all.
 */
export async function recordAudit(req: PayloadRequest, entry: AuditEntry): Promise<void> {
  const user = req.user as { id: number | string; name?: string; email?: string } | null | undefined
  await req.payload.create({
    collection: AUDIT_LOG,
    overrideAccess: true,
    req,
    context: auditAppendContext(),
    data: {
      action: entry.action,
      collectionSlug: entry.collection ?? null,
      documentId: entry.documentId == null ? null : String(entry.documentId),
      documentTitle: entry.documentTitle ?? null,
      versionId: entry.versionId == null ? null : String(entry.versionId),
      transition: entry.transition ?? null,
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      comment: entry.comment ?? null,
      details: entry.details ?? null,
      // Ids are numbers on SQLite and strings on MongoDB; the generated type knows only one.
      user: (user?.id ?? null) as number | null,
      userName: user ? (user.name ?? user.email ?? String(user.id)) : 'System',
    },
  })
}
