// GraphQL Code Generator for the explorer: result and variables types, and each operation
// as a typed string document, for operations/*.graphql over ../schema.graphql, into
// src/explorer/generated/graphql.ts (committed). `npm run generate` writes it; the
// frontend test (`make test`) fails when it is stale (`npm run generate:check`).
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  overwrite: true,
  schema: "../schema.graphql",
  documents: "operations/*.graphql",
  generates: {
    "src/explorer/generated/graphql.ts": {
      plugins: ["typescript-operations", "typed-document-node"],
      config: {
        strictScalars: true,
        scalars: {
          ID: "string",
          Date: "string",
          DateTime: "string",
          JSON: "unknown",
        },
        enumType: "string-literal",
        useTypeImports: true,
        documentMode: "string",
      },
    },
  },
};

export default config;
