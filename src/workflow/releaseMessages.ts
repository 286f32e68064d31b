import { ROLE_LABELS, type Role } from '@/access/roles'

import { releaseStateLabel, type ReleaseState } from './releaseStates'
import { type ReleaseTransitionDefinition } from './releaseTransitions'

/**
 * Swedish refusals for releases. Like ./messages, each starts with the name
 * of the rule that refused, and names the items it is about.
 */

function orList(items: readonly string[], word = 'eller'): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`
}

const quoted = (text: string): string => `"${text}"`
const roleNames = (roles: readonly Role[]): string => orList(roles.map((role) => ROLE_LABELS[role].sv.toLowerCase()))
const titles = (items: readonly { title: string }[]): string => orList(items.map((item) => quoted(item.title)), 'och')

export const releaseMessages = {
  /** Stated in the public record with the version a recall publishes: which release, and why. */
  recallRecordNote: (name: string, reason: string | null): string =>
    `Publiceringspaketet ${quoted(name)} återkallades${reason ? `: ${reason.trim().replace(/[.\s]+$/, '')}` : ''}.`,
  unknownTransition: (id: string): string => `Okänd åtgärd: ${quoted(id)} finns inte för publiceringspaket.`,
  notAnAction: (t: ReleaseTransitionDefinition): string =>
    `Okänd åtgärd: ${quoted(t.label)} görs genom att spara paketet, inte som en åtgärd i arbetsflödet.`,
  notAuthenticated: (): string => 'Inloggning krävs: du måste vara inloggad för att ändra ett publiceringspaket.',
  role: (t: ReleaseTransitionDefinition): string =>
    `Behörighet saknas: ${quoted(t.label)} får bara göras av ${roleNames(t.roles)}.`,
  wrongState: (t: ReleaseTransitionDefinition, current: ReleaseState): string =>
    `Fel status: ${quoted(t.label)} kan bara göras när paketet har status ${orList(t.from.map((s) => quoted(releaseStateLabel(s))))}. ` +
    `Nu är status ${quoted(releaseStateLabel(current))}.`,
  readOnly: (current: ReleaseState): string =>
    `Skrivskyddat: paketet har status ${quoted(releaseStateLabel(current))} och kan inte längre ändras.`,
  reopenToEdit: (current: ReleaseState): string =>
    `Fel status: paketet har status ${quoted(releaseStateLabel(current))}. Välj "Öppna paketet igen" för att ändra innehållet.`,
  noItems: (): string => 'Paketet är tomt: lägg till minst ett jämförelseområde.',
  itemsNotReady: (items: readonly { title: string; reason: string }[]): string =>
    'Alla områden är inte godkända: varje område i paketet måste vara godkänt, oförändrat sedan godkännandet och utan fel i kvalitetskontrollen. ' +
    items.map((item) => `${quoted(item.title)}: ${item.reason}.`).join(' '),
  itemNotApproved: (stateLabel: string): string => `status är ${quoted(stateLabel)}`,
  itemInTrash: (): string => 'ligger i papperskorgen',
  itemEditedAfterApproval: (stateLabel: string): string => `ändrat efter godkännandet, status är nu ${quoted(stateLabel)}`,
  itemQualityErrors: (errors: readonly string[]): string => {
    // The first two findings in words; the quality panel has the rest.
    const shown = errors.slice(0, 2).map((error) => error.trim().replace(/\.$/, ''))
    const more = errors.length > shown.length ? ` (och ${errors.length - shown.length} till)` : ''
    return `kvalitetskontrollen hittar ${errors.length} fel: ${shown.join('; ')}${more}`
  },
  fourEyes: (items: readonly { title: string }[]): string =>
    `Fyra ögon-principen: du har själv ändrat ${titles(items)} och kan därför inte publicera paketet. En annan granskare måste publicera det.`,
  commentRequired: (t: ReleaseTransitionDefinition): string =>
    `${t.commentLabel ?? 'Kommentar'} krävs: ${quoted(t.label)} måste ha en ${(t.commentLabel ?? 'kommentar').toLowerCase()}.`,
  scheduleNotSupported: (t: ReleaseTransitionDefinition): string =>
    `Schemaläggning stöds inte: ${quoted(t.label)} kan inte schemaläggas, bara publicering av paketet.`,
  invalidSchedule: (raw: string): string => `Ogiltig publiceringstid: ${quoted(raw)} är inte ett giltigt datum och klockslag.`,
  scheduleInPast: (): string =>
    'Publiceringstiden har passerat: en schemalagd publicering måste ligga i framtiden. Välj en senare tid eller publicera direkt.',
  notScheduled: (): string => 'Ingen schemalagd publicering: paketet är inte schemalagt.',
  notDue: (at: string): string => `Schemalagd publicering: tiden ${at} har inte kommit än.`,
  changedSinceRelease: (items: readonly { title: string }[]): string =>
    `Kan inte återkallas: ${titles(items)} har publicerats, avpublicerats eller flyttats till papperskorgen efter paketet. ` +
    'Återkalla de områdena var för sig i stället.',
  conflict: (item: string, release: string): string =>
    `Området ingår redan i ett annat paket: ${quoted(item)} ingår i publiceringspaketet ${quoted(release)}. ` +
    'Ett område kan bara ingå i ett öppet paket åt gången; ta bort det därifrån först.',
  deleteNotAllowed: (current: ReleaseState): string =>
    `Kan inte raderas: paketet har status ${quoted(releaseStateLabel(current))}. Publicerade och återkallade paket är en allmän handling.`,
  deleteScheduled: (): string => 'Fel status: paketet är schemalagt. Avbryt den schemalagda publiceringen innan paketet raderas.',
  recallComment: (release: string, reason: string): string => `Återkallat med publiceringspaketet ${quoted(release)}: ${reason}`,
} as const
