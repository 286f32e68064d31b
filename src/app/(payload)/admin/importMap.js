import { WorkflowPanel as WorkflowPanel_df0a4002001ced1e11749f7cc8c36613 } from '../../../../src/admin/WorkflowPanel'
import { EditLockNotice as EditLockNotice_45507baca5a8084aafe7f0165bfabae4 } from '../../../../src/admin/EditLockNotice'
import { BookkeepingDiff as BookkeepingDiff_b2e21b1bac8c945c781cf6d0d0a8d2b3 } from '../../../../src/admin/BookkeepingDiff'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndicatorCollapsible as IndicatorCollapsible_91a1d57588af935bb8a504c24829faa0 } from '../../../../src/admin/IndicatorCollapsible'
import { ResultSetLabel as ResultSetLabel_88c944c8c36d51d3484e1378c2da844c } from '../../../../src/admin/ResultSetLabel'
import { QualityPanel as QualityPanel_217703e37981f91f86c0c1c14a38cb30 } from '../../../../src/admin/QualityPanel'
import { WorkflowPublishButton as WorkflowPublishButton_4b4fa8d68d916e98e0873f75359a3d45 } from '../../../../src/admin/WorkflowPublishButton'
import { WorkflowUnpublishButton as WorkflowUnpublishButton_4b4fa8d68d916e98e0873f75359a3d45 } from '../../../../src/admin/WorkflowPublishButton'
import { ReleasePanel as ReleasePanel_a4d17fd966e66a55d46a9149abdf0bd1 } from '../../../../src/admin/ReleasePanel'
import { ReadOnlyJsonField as ReadOnlyJsonField_5ead2ae1f9b648ee84633184ec8d124a } from '../../../../src/admin/ReadOnlyJsonField'
import { JsonTextField as JsonTextField_c39f3e0f37ea3b7edf858422e7ddb669 } from '../../../../src/admin/JsonTextField'
import { AuditLogField as AuditLogField_99d8ab709f1d3b7d654c7e038960f9a3 } from '../../../../src/admin/AuditLogField'
import { AuditLogCell as AuditLogCell_d569cee4519e78008d8b601aab58c9cf } from '../../../../src/admin/AuditLogCell'
import { AuditDetailsField as AuditDetailsField_99d8ab709f1d3b7d654c7e038960f9a3 } from '../../../../src/admin/AuditLogField'
import { WrongAddress as WrongAddress_1565f7e0f6e8a993bdf80b982ed7da7b } from '../../../../src/admin/WrongAddress'
import { LogoutButton as LogoutButton_8e8fac9132f011bdba9bb3c060a9c710 } from '../../../../src/admin/LogoutButton'
import { PasswordAutocomplete as PasswordAutocomplete_33952f67cb504067243b4198b32b0ed1 } from '../../../../src/admin/PasswordAutocomplete'
import { CalendarNavLink as CalendarNavLink_4cb7eecac3ae9d8c77e4fce5aae3b42e } from '../../../../src/admin/CalendarNavLink'
import { ResultsImportNavLink as ResultsImportNavLink_c01eb63a6a9c68525072a578e55fa4a0 } from '../../../../src/admin/ResultsImportNavLink'
import { OutboxNavLink as OutboxNavLink_987d407363d37b1a17f7f5a2ef83803a } from '../../../../src/admin/OutboxNavLink'
import { ReviewQueue as ReviewQueue_307e5dd7acd04352570b19c0fa8de49d } from '../../../../src/admin/ReviewQueue'
import { SsoLogin as SsoLogin_b249aeab69e53ee7d40938dbe06a8792 } from '../../../../src/admin/SsoLogin'
import { PayloadRepairs as PayloadRepairs_3f7866ec8cc81561aa827950324d5f67 } from '../../../../src/admin/PayloadRepairs'
import { CalendarView as CalendarView_c852a4fce6104cc29945524c4abb31b2 } from '../../../../src/admin/CalendarView'
import { OutboxView as OutboxView_bb5779b785e4f63071e6f47c71906cc2 } from '../../../../src/admin/OutboxView'
import { ResultsImportView as ResultsImportView_e16f83330411bb2f3bd5c8cc3db1e1c6 } from '../../../../src/admin/ResultsImportView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/admin/WorkflowPanel#WorkflowPanel": WorkflowPanel_df0a4002001ced1e11749f7cc8c36613,
  "/src/admin/EditLockNotice#EditLockNotice": EditLockNotice_45507baca5a8084aafe7f0165bfabae4,
  "/src/admin/BookkeepingDiff#BookkeepingDiff": BookkeepingDiff_b2e21b1bac8c945c781cf6d0d0a8d2b3,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/admin/IndicatorCollapsible#IndicatorCollapsible": IndicatorCollapsible_91a1d57588af935bb8a504c24829faa0,
  "/src/admin/ResultSetLabel#ResultSetLabel": ResultSetLabel_88c944c8c36d51d3484e1378c2da844c,
  "/src/admin/QualityPanel#QualityPanel": QualityPanel_217703e37981f91f86c0c1c14a38cb30,
  "/src/admin/WorkflowPublishButton#WorkflowPublishButton": WorkflowPublishButton_4b4fa8d68d916e98e0873f75359a3d45,
  "/src/admin/WorkflowPublishButton#WorkflowUnpublishButton": WorkflowUnpublishButton_4b4fa8d68d916e98e0873f75359a3d45,
  "/src/admin/ReleasePanel#ReleasePanel": ReleasePanel_a4d17fd966e66a55d46a9149abdf0bd1,
  "/src/admin/ReadOnlyJsonField#ReadOnlyJsonField": ReadOnlyJsonField_5ead2ae1f9b648ee84633184ec8d124a,
  "/src/admin/JsonTextField#JsonTextField": JsonTextField_c39f3e0f37ea3b7edf858422e7ddb669,
  "/src/admin/AuditLogField#AuditLogField": AuditLogField_99d8ab709f1d3b7d654c7e038960f9a3,
  "/src/admin/AuditLogCell#AuditLogCell": AuditLogCell_d569cee4519e78008d8b601aab58c9cf,
  "/src/admin/AuditLogField#AuditDetailsField": AuditDetailsField_99d8ab709f1d3b7d654c7e038960f9a3,
  "/src/admin/WrongAddress#WrongAddress": WrongAddress_1565f7e0f6e8a993bdf80b982ed7da7b,
  "/src/admin/LogoutButton#LogoutButton": LogoutButton_8e8fac9132f011bdba9bb3c060a9c710,
  "/src/admin/PasswordAutocomplete#PasswordAutocomplete": PasswordAutocomplete_33952f67cb504067243b4198b32b0ed1,
  "/src/admin/CalendarNavLink#CalendarNavLink": CalendarNavLink_4cb7eecac3ae9d8c77e4fce5aae3b42e,
  "/src/admin/ResultsImportNavLink#ResultsImportNavLink": ResultsImportNavLink_c01eb63a6a9c68525072a578e55fa4a0,
  "/src/admin/OutboxNavLink#OutboxNavLink": OutboxNavLink_987d407363d37b1a17f7f5a2ef83803a,
  "/src/admin/ReviewQueue#ReviewQueue": ReviewQueue_307e5dd7acd04352570b19c0fa8de49d,
  "/src/admin/SsoLogin#SsoLogin": SsoLogin_b249aeab69e53ee7d40938dbe06a8792,
  "/src/admin/PayloadRepairs#PayloadRepairs": PayloadRepairs_3f7866ec8cc81561aa827950324d5f67,
  "/src/admin/CalendarView#CalendarView": CalendarView_c852a4fce6104cc29945524c4abb31b2,
  "/src/admin/OutboxView#OutboxView": OutboxView_bb5779b785e4f63071e6f47c71906cc2,
  "/src/admin/ResultsImportView#ResultsImportView": ResultsImportView_e16f83330411bb2f3bd5c8cc3db1e1c6,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
