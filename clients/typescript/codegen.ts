// GraphQL Code Generator: result and variables types, and a typed document, for every
// operation in operations/*.graphql (readme.graphql is written from README.md by
// extract_operations.py; app.graphql holds reusable operations with variables), with the
// enums and inputs they use; then typed hooks for Apollo Client (React) and urql. `make
// types` runs it; a test fails when a generated file is stale. typescript-operations v6
// needs no `typescript` plugin (with it, enums and inputs would be declared twice).
import type { CodegenConfig } from "@graphql-codegen/cli";

const scalars = {
  ID: "string",
  Date: "string", // ISO 8601 date: 2026-01-20
  DateTime: "string", // ISO 8601 date and time with its offset
  JSON: "unknown",
};
// The hooks files hold their own operation types (the hook plugins name them) and the
// documents as gql tags, so each file stands alone: import one client's file, not both.
const hooks = {
  strictScalars: true,
  scalars,
  enumType: "string-literal",
  useTypeImports: true,
  withHooks: true,
};

const config: CodegenConfig = {
  overwrite: true,
  schema: "../../schema.graphql",
  documents: "operations/*.graphql",
  generates: {
    "src/generated/graphql.ts": {
      plugins: ["typescript-operations", "typed-document-node"],
      config: {
        strictScalars: true,
        scalars,
        enumType: "string-literal", // `type Tier = 'KEY' | 'STANDARD' | 'STRATEGIC'`, no runtime code
        useTypeImports: true,
      },
    },
    // useAccountOverviewQuery({ variables: { id } }) and the like, for Apollo Client 3.
    "src/generated/apollo.ts": {
      plugins: ["typescript-operations", "typescript-react-apollo"],
      config: { ...hooks, reactApolloVersion: 3 },
    },
    // useAccountOverviewQuery({ variables: { id } }) and the like, for urql.
    "src/generated/urql.ts": {
      plugins: ["typescript-operations", "typescript-urql"],
      config: { ...hooks, gqlImport: "urql#gql" },
    },
  },
};

export default config;
