export * from './predicates'
export * from './roles'
export * from './payloadOwn'
