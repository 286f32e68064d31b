import * as migration_20261123_094644_initial from './20261123_094644_initial';

export const migrations = [
  {
    up: migration_20261123_094644_initial.up,
    down: migration_20261123_094644_initial.down,
    name: '20261123_094644_initial'
  },
];
