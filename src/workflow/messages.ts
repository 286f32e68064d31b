import { ROLE_LABELS, type Role } from '@/access/roles'

import { stateLabel, type WorkflowState } from './states'
import { type TransitionDefinition } from './transitions'

/**
 * Swedish refusals. Each starts with the name of the rule that refused, so an
 * editor knows which rule to take up rather than just that something failed.
 */

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} eller ${items[items.length - 1]}`
}

const quoted = (text: string): string => `"${text}"`
const roleNames = (roles: readonly Role[]): string => orList(roles.map((role) => ROLE_LABELS[role].sv.toLowerCase()))

export const messages = {
  unknownTransition: (id: string): string => `Okänd åtgärd: ${quoted(id)} finns inte i arbetsflödet.`,
  notAuthenticated: (): string => 'Inloggning krävs: du måste vara inloggad för att ändra status på innehåll.',
  role: (t: TransitionDefinition): string =>
    `Behörighet saknas: ${quoted(t.label)} får bara göras av ${roleNames(t.roles)}.`,
  wrongState: (t: TransitionDefinition, current: WorkflowState): string =>
    `Fel status: ${quoted(t.label)} kan bara göras när innehållet har status ${orList(t.from.map((s) => quoted(stateLabel(s))))}. ` +
    `Nu är status ${quoted(stateLabel(current))}.`,
  noLiveVersion: (t: TransitionDefinition): string =>
    `Ingen publicerad version: ${quoted(t.label)} kräver att det finns en publicerad version av sidan.`,
  notScheduled: (): string => 'Ingen schemalagd publicering: det finns ingen schemalagd publicering att avbryta.',
  notScheduledUnpublish: (): string =>
    'Ingen schemalagd avpublicering: det finns ingen schemalagd avpublicering för sidan.',
  fourEyes: (): string =>
    'Fyra ögon-principen: du har själv ändrat utkastet och kan därför inte godkänna det. En annan granskare måste godkänna.',
  commentRequired: (t: TransitionDefinition): string =>
    `${t.commentLabel ?? 'Kommentar'} krävs: ${quoted(t.label)} måste ha en ${(t.commentLabel ?? 'kommentar').toLowerCase()}.`,
  scheduleNotSupported: (t: TransitionDefinition): string =>
    `Schemaläggning stöds inte: ${quoted(t.label)} kan inte schemaläggas, bara publicering och avpublicering.`,
  /** Pass the transition for unpublish wording; without it (or for publish) the publish wording. */
  invalidSchedule: (raw: string, t?: TransitionDefinition): string =>
    t?.id === 'unpublish'
      ? `Ogiltig avpubliceringstid: ${quoted(raw)} är inte ett giltigt datum och klockslag.`
      : `Ogiltig publiceringstid: ${quoted(raw)} är inte ett giltigt datum och klockslag.`,
  scheduleInPast: (t?: TransitionDefinition): string =>
    t?.id === 'unpublish'
      ? 'Avpubliceringstiden har passerat: en schemalagd avpublicering måste ligga i framtiden. Välj en senare tid eller avpublicera direkt.'
      : 'Publiceringstiden har passerat: en schemalagd publicering måste ligga i framtiden. Välj en senare tid eller publicera direkt.',
  notApproved: (current: WorkflowState): string =>
    'Fyra ögon-principen: innehåll kan bara publiceras efter godkännande av en granskare. ' +
    `Skicka innehållet till granskning. Nu är status ${quoted(stateLabel(current))}.`,
  changedAfterApproval: (): string =>
    'Fyra ögon-principen: innehållet har ändrats efter godkännandet, så godkännandet gäller inte längre. ' +
    'Skicka det ändrade innehållet till granskning.',
  notDue: (at: string): string => `Schemalagd publicering: tiden ${at} har inte kommit än.`,
  notDueUnpublish: (at: string): string => `Schemalagd avpublicering: tiden ${at} har inte kommit än.`,
  invalidStoredUnpublishTime: (raw: string): string =>
    `Ogiltig avpubliceringstid: den lagrade tiden ${quoted(raw)} är inte ett giltigt datum och klockslag.`,
} as const
