/**
 * Repairs to Payload's own admin components, made in the page (issue 21):
 * names for controls that have none, an English one or a field path, and the
 * lock dialog's English date. Payload offers no translation key or
 * replaceable component for these. Each rule names the component it mends,
 * so it can go upstream; docs/accessibility-admin.md lists them. Every rule
 * is idempotent (it writes only what differs), so the observer that runs
 * them settles.
 */

/** Lexical's and sonner's hard-coded English names, in Swedish. */
export const ENGLISH_NAMES: Readonly<Record<string, string>> = {
  'Add block': 'Lägg till block', // richtext-lexical AddBlockHandlePlugin
  'Drag to move': 'Dra för att flytta', // richtext-lexical DraggableBlockPlugin
  'Edit link': 'Redigera länken', // richtext-lexical LinkEditor
  'Remove link': 'Ta bort länken', // richtext-lexical LinkEditor
  'Insert Paragraph': 'Infoga stycke', // richtext-lexical InsertParagraphAtEnd
}

/** sonner's region, "Notifications alt+T" (Payload's ToastContainer passes no containerAriaLabel). */
const TOAST_REGION_NAME = 'Aviseringar'

type Rule = {
  /** The Payload component the rule mends. */
  component: string
  selector: string
  apply: (element: Element) => void
}

const setAttribute = (element: Element, name: string, value: string): void => {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value)
}

const removeAttribute = (element: Element, name: string): void => {
  if (element.hasAttribute(name)) element.removeAttribute(name)
}

const text = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim()

/** The label of the Payload field an element sits in, without the required mark. */
export function fieldLabel(element: Element): string {
  const field = element.closest('.field-type')
  if (!field) return ''
  const label = Array.from(field.querySelectorAll('.field-label')).find((candidate) => candidate.closest('.field-type') === field)
  if (!label) return ''
  const copy = label.cloneNode(true) as Element
  copy.querySelectorAll('.required').forEach((mark) => mark.remove())
  return text(copy)
}

/** A name from the field's label, or a fallback when the control has no field around it. */
const nameFromField = (fallback: string) => (element: Element) => {
  setAttribute(element, 'aria-label', fieldLabel(element) || fallback)
}

/** The list row's title (its first link), for the row's checkbox. */
const rowTitle = (element: Element): string => text(element.closest('tr')?.querySelector('a'))

export const RULES: readonly Rule[] = [
  // react-select's input in select and relationship fields, the list's filters and the dashboard.
  { component: 'ReactSelect', selector: '.react-select input[id^="react-select-"]', apply: nameFromField('Välj ett värde') },
  // react-select's indicators are buttons inside aria-hidden: out of the tab order (the input opens the menu with the arrow keys).
  {
    component: 'ReactSelect DropdownIndicator, ClearIndicator',
    selector: '.react-select .dropdown-indicator[aria-hidden="true"], .react-select .clear-indicator[aria-hidden="true"]',
    apply: (element) => setAttribute(element, 'tabindex', '-1'),
  },
  // react-datepicker's input in every date field.
  { component: 'DatePicker', selector: '.date-time-picker .react-datepicker__input-container input', apply: nameFromField('Datum') },
  { component: 'DatePicker', selector: '.date-time-picker__clear-button', apply: (element) => setAttribute(element, 'aria-label', `Töm ${fieldLabel(element) || 'datumet'}`.trim()) },
  // Lexical's editable area.
  { component: 'richtext-lexical ContentEditable', selector: '.ContentEditable__root[contenteditable]', apply: nameFromField('Text') },
  // CheckboxInput: aria-labelledby and title are the field's path (an id that does not exist; a path as tooltip).
  {
    component: 'CheckboxInput',
    selector: '.checkbox-input input[type="checkbox"]',
    apply: (element) => {
      const labelledBy = element.getAttribute('aria-labelledby')
      if (labelledBy && !element.ownerDocument.getElementById(labelledBy)) removeAttribute(element, 'aria-labelledby')
      if (element.getAttribute('aria-label') === '') removeAttribute(element, 'aria-label')
      const row = element.closest('.select-row')
      const name =
        element.id === 'select-all' ? 'Välj alla på sidan' : row ? `Välj ${rowTitle(element)}`.trim() : fieldLabel(element)
      if (row || element.id === 'select-all') setAttribute(element, 'aria-label', name)
      if (name) setAttribute(element, 'title', name)
      else removeAttribute(element, 'title')
    },
  },
  // Popup triggers ("⋮") without a name: the document's controls, block and array rows, copy and paste.
  { component: 'DocumentControls Popup', selector: '.doc-controls__popup .popup-button', apply: (element) => setAttribute(element, 'aria-label', 'Fler åtgärder') },
  { component: 'ClipboardAction', selector: '.clipboard-action__popup .popup-button', apply: (element) => setAttribute(element, 'aria-label', 'Kopiera eller klistra in') },
  { component: 'ArrayAction', selector: '.array-actions .popup-button', apply: (element) => setAttribute(element, 'aria-label', 'Radens åtgärder') },
  // dnd-kit's drag handles in array and block rows: role="button" without a name, an English role description.
  {
    component: 'DraggableSortable',
    selector: '[aria-roledescription="sortable"]:not(.rs__multi-value)',
    apply: (element) => {
      setAttribute(element, 'aria-roledescription', 'flyttbar')
      setAttribute(element, 'aria-label', 'Dra för att flytta raden')
    },
  },
  // A chosen value in a sortable many-value field is a dnd-kit "button" holding the remove and edit buttons
  // (nested controls, a name that is not its text): a group named by its text, still draggable.
  {
    component: 'ReactSelect MultiValue (DraggableSortableItem)',
    selector: '.rs__multi-value[aria-roledescription]',
    apply: (element) => {
      setAttribute(element, 'role', 'group')
      setAttribute(element, 'aria-roledescription', 'flyttbart värde')
      setAttribute(element, 'aria-label', text(element.querySelector('.rs__multi-value__label, .multi-value-label, .relationship--multi-value-label')) || text(element))
    },
  },
  {
    component: 'Relationship MultiValueLabel',
    selector: '.relationship--multi-value-label__drawer-toggler[aria-label^="Edit "]',
    apply: (element) => setAttribute(element, 'aria-label', `Redigera ${(element.getAttribute('aria-label') ?? '').slice('Edit '.length)}`),
  },
  { component: 'Relationship AddNew', selector: '.relationship-add-new__add-button', apply: (element) => setAttribute(element, 'aria-label', `Lägg till ny i ${fieldLabel(element) || 'fältet'}`) },
  // A popup whose trigger is our own button: Payload wraps it in a second, focusable role="button".
  {
    component: 'Popup (custom button)',
    selector: '.popup-button--custom[role="button"]',
    apply: (element) => {
      if (!element.querySelector('button, a[href], input')) return
      setAttribute(element, 'role', 'none')
      removeAttribute(element, 'tabindex')
    },
  },
  // The version comparison's section toggles: named "Collapse"/"Expand" instead of the field they open.
  {
    component: 'DiffCollapser',
    selector: '.diff-collapser__toggle-button[aria-label="Collapse"], .diff-collapser__toggle-button[aria-label="Expand"]',
    apply: (element) => {
      setAttribute(element, 'aria-expanded', element.getAttribute('aria-label') === 'Collapse' ? 'true' : 'false')
      removeAttribute(element, 'aria-label')
    },
  },
  // The arrow beside a button with more choices (the version view's restore): an icon without a name.
  {
    component: 'Button (SubMenuPopupContent)',
    selector: 'button.popup-button:not([aria-label])',
    apply: (element) => {
      if (text(element)) return
      setAttribute(element, 'aria-label', element.closest('.restore-version') ? 'Fler sätt att återställa' : 'Fler alternativ')
    },
  },
  // A locked row's padlock in a list: a "button" that does nothing, its words only in a hover tooltip.
  {
    component: 'Locked',
    selector: '.locked[role="button"]',
    apply: (element) => {
      setAttribute(element, 'role', 'img')
      setAttribute(element, 'aria-label', text(element.querySelector('.locked__tooltip')) || 'Låst: någon redigerar')
      removeAttribute(element, 'tabindex')
    },
  },
  // The "Versioner" tab: its aria-label leaves out the count that is shown.
  {
    component: 'DocumentTabLink',
    selector: 'a.doc-tab[aria-label]',
    apply: (element) => {
      if (text(element) !== element.getAttribute('aria-label')) removeAttribute(element, 'aria-label')
    },
  },
  { component: 'sonner Toaster (ToastContainer)', selector: 'section[aria-label^="Notifications"]', apply: (element) => setAttribute(element, 'aria-label', (element.getAttribute('aria-label') ?? '').replace('Notifications', TOAST_REGION_NAME)) },
  // A list with no list items (the document tabs are links straight in a ul; the versions pagination): not a list.
  {
    component: 'DocumentTabs, Pagination',
    selector: 'ul:not([role])',
    apply: (element) => {
      const children = Array.from(element.children).filter((child) => !['SCRIPT', 'TEMPLATE'].includes(child.tagName))
      if (children.length > 0 && children.every((child) => child.tagName !== 'LI')) setAttribute(element, 'role', 'none')
    },
  },
  {
    component: 'richtext-lexical',
    selector: Object.keys(ENGLISH_NAMES).map((name) => `[aria-label="${name}"]`).join(', '),
    apply: (element) => setAttribute(element, 'aria-label', ENGLISH_NAMES[element.getAttribute('aria-label') ?? ''] ?? ''),
  },
]

const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const SWEDISH_MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december']

/**
 * "Dec 2, 2026, 7:48 AM" (Intl en-US, as DocumentLocked hard-codes it) as "2 december 2026 kl. 07.48",
 * the same clock time; null for any other text.
 */
export function swedishFromEnglishDateTime(value: string): string | null {
  const match = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4}), (\d{1,2}):(\d{2})\s?([AP]M)$/.exec(value.trim())
  if (!match) return null
  const [, monthName, day, year, hour, minute, half] = match
  const month = ENGLISH_MONTHS.indexOf(monthName!)
  if (month < 0) return null
  const hours = (Number(hour) % 12) + (half === 'PM' ? 12 : 0)
  return `${Number(day)} ${SWEDISH_MONTHS[month]} ${year} kl. ${String(hours).padStart(2, '0')}.${minute}`
}

/** Text rules: the lock dialog's "edited since" time (DocumentLocked). */
const TEXT_RULES: readonly Rule[] = [
  {
    component: 'DocumentLocked',
    selector: '.document-locked__content p strong',
    apply: (element) => {
      const swedish = swedishFromEnglishDateTime(element.textContent ?? '')
      if (swedish) element.textContent = swedish
    },
  },
]

/** Applies every rule inside root (the document, or a subtree that changed). */
export function repairPayloadComponents(root: ParentNode): void {
  for (const rule of [...RULES, ...TEXT_RULES]) {
    if (root instanceof Element && root.matches(rule.selector)) rule.apply(root)
    root.querySelectorAll(rule.selector).forEach(rule.apply)
  }
}
