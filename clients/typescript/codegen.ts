// GraphQL Code Generator: result and variables types, and a typed document, for every
// operation in operations/*.graphql (readme.graphql is written from README.md by
// extract_operations.py), with the enums and inputs they use. `make types` runs it; a
// test fails when src/generated/graphql.ts is stale. typescript-operations v6 needs no
// `typescript` plugin (with it, enums and inputs would be declared twice).
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  overwrite: true,
  schema: "../../schema.graphql",
  documents: "operations/*.graphql",
  generates: {
    "src/generated/graphql.ts": {
      plugins: ["typescript-operations", "typed-document-node"],
      config: {
        strictScalars: true,
        scalars: {
          ID: "string",
          Date: "string", // ISO 8601 date: 2026-01-20
          DateTime: "string", // ISO 8601 date and time with its offset
          JSON: "unknown",
        },
        enumType: "string-literal", // `type Tier = 'KEY' | 'STANDARD' | 'STRATEGIC'`, no runtime code
        useTypeImports: true,
      },
    },
  },
};

export default config;
