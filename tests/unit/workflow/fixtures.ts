import { type Role } from '@/access/roles'
import { type WorkflowActor, type WorkflowDocFacts } from '@/workflow'

/** The role-sets every matrix test runs through. */
export const roleSets = {
  anonymous: null,
  editor: ['editor'],
  reviewer: ['reviewer'],
  admin: ['admin'],
  editorReviewer: ['editor', 'reviewer'],
} as const satisfies Record<string, readonly Role[] | null>

export type RoleSetName = keyof typeof roleSets
export const roleSetNames = Object.keys(roleSets) as RoleSetName[]

export const ME = 'u-me'
export const SOMEONE_ELSE = 'u-other'

export function actor(roles: readonly Role[] | null, id: string | number = ME): WorkflowActor {
  return roles === null ? null : { id, roles }
}

export function doc(facts: Partial<WorkflowDocFacts> & Pick<WorkflowDocFacts, 'state'>): WorkflowDocFacts {
  return { editors: [SOMEONE_ELSE], hasLiveVersion: false, ...facts }
}

export const NOW = '2030-06-01T12:00:00.000Z'
export const LATER = '2030-06-02T08:00:00.000Z'
