import * as migration_20261123_102013_initial from './20261123_102013_initial';

export const migrations = [
  {
    up: migration_20261123_102013_initial.up,
    down: migration_20261123_102013_initial.down,
    name: '20261123_102013_initial'
  },
];
