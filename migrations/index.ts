import * as migration_20261123_090002_initial from './20261123_090002_initial';

export const migrations = [
  {
    up: migration_20261123_090002_initial.up,
    down: migration_20261123_090002_initial.down,
    name: '20261123_090002_initial'
  },
];
