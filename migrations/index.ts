import * as migration_20261123_102013_initial from './20261123_102013_initial';
import * as migration_20261123_110752_content_api_webhooks from './20261123_110752_content_api_webhooks';
import * as migration_20261123_114518_history_and_survey_cycle from './20261123_114518_history_and_survey_cycle';
import * as migration_20261123_120308_indicators from './20261123_120308_indicators';
import * as migration_20261123_121958_indicator_match_text from './20261123_121958_indicator_match_text';
import * as migration_20261123_143630_revision_trash_reset_interval from './20261123_143630_revision_trash_reset_interval';
import * as migration_20261202_093000_foreign_key_actions from './20261202_093000_foreign_key_actions';
import * as migration_20261202_112550_sso_and_results_import from './20261202_112550_sso_and_results_import';
import * as migration_20261202_160215_releases from './20261202_160215_releases';
import * as migration_20261203_080418_calendar_feed_key from './20261203_080418_calendar_feed_key';
import * as migration_20261203_131314_spelling_words from './20261203_131314_spelling_words';

export const migrations = [
  {
    up: migration_20261123_102013_initial.up,
    down: migration_20261123_102013_initial.down,
    name: '20261123_102013_initial',
  },
  {
    up: migration_20261123_110752_content_api_webhooks.up,
    down: migration_20261123_110752_content_api_webhooks.down,
    name: '20261123_110752_content_api_webhooks',
  },
  {
    up: migration_20261123_114518_history_and_survey_cycle.up,
    down: migration_20261123_114518_history_and_survey_cycle.down,
    name: '20261123_114518_history_and_survey_cycle',
  },
  {
    up: migration_20261123_120308_indicators.up,
    down: migration_20261123_120308_indicators.down,
    name: '20261123_120308_indicators',
  },
  {
    up: migration_20261123_121958_indicator_match_text.up,
    down: migration_20261123_121958_indicator_match_text.down,
    name: '20261123_121958_indicator_match_text',
  },
  {
    up: migration_20261123_143630_revision_trash_reset_interval.up,
    down: migration_20261123_143630_revision_trash_reset_interval.down,
    name: '20261123_143630_revision_trash_reset_interval',
  },
  {
    up: migration_20261202_093000_foreign_key_actions.up,
    down: migration_20261202_093000_foreign_key_actions.down,
    name: '20261202_093000_foreign_key_actions',
  },
  {
    up: migration_20261202_112550_sso_and_results_import.up,
    down: migration_20261202_112550_sso_and_results_import.down,
    name: '20261202_112550_sso_and_results_import',
  },
  {
    up: migration_20261202_160215_releases.up,
    down: migration_20261202_160215_releases.down,
    name: '20261202_160215_releases',
  },
  {
    up: migration_20261203_080418_calendar_feed_key.up,
    down: migration_20261203_080418_calendar_feed_key.down,
    name: '20261203_080418_calendar_feed_key',
  },
  {
    up: migration_20261203_131314_spelling_words.up,
    down: migration_20261203_131314_spelling_words.down,
    name: '20261203_131314_spelling_words'
  },
];
