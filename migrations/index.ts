import * as migration_20261123_091354_initial from './20261123_091354_initial';

export const migrations = [
  {
    up: migration_20261123_091354_initial.up,
    down: migration_20261123_091354_initial.down,
    name: '20261123_091354_initial'
  },
];
