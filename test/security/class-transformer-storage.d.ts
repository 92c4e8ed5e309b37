// class-transformer keeps its @Type() metadata in a module it ships without types beside it; the
// fuzz suite reads it to shape nested DTOs.
declare module 'class-transformer/cjs/storage.js' {
  export const defaultMetadataStorage: import('class-transformer/types/MetadataStorage.js').MetadataStorage;
}
