export * from './feedback';
export * from './money';
export * from './passwords';
export * from './validation';
export * from './vocabularies/accessibility-support';
export * from './vocabularies/devon-places';
export * from './vocabularies/needs';
