export const testingEntities = [];
export const testingMigrations = [];
