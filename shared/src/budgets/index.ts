export * from './budget-year';
export * from './funding-plan';
export * from './projection';
