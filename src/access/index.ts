export * from './predicates'
export * from './roles'
