// The peer for `make bench`: the Neo4j GraphQL Library (which compiles each request
// into one Cypher query) on Apollo Server's standalone HTTP server, over the same
// Neo4j and the same graph samgraph writes. Type definitions mirror samgraph's labels,
// relationship types and properties for the parts the benchmark reads.
// Usage: NEO4J_URI=... NEO4J_USER=... NEO4J_PASSWORD=... node server.mjs PORT
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const typeDefs = /* GraphQL */ `
  type Account @node {
    id: ID!
    name: String!
    industry: String
    arr: Float
    renewalDate: Date
    healthScore: Int
    teams: [Team!]! @relationship(type: "BELONGS_TO", direction: IN)
  }
  type Team @node {
    id: ID!
    accountId: ID!
    name: String!
    functionGroup: String
    headcount: Int
    stakeholders: [Stakeholder!]! @relationship(type: "MEMBER_OF", direction: IN)
  }
  type Stakeholder @node {
    id: ID!
    accountId: ID!
    name: String!
    title: String
    seniority: String
    buyingRole: String
    sentiment: String
    status: String
    knownBy: [Member!]! @relationship(type: "KNOWS", direction: IN, properties: "Knows")
  }
  type Member @node {
    id: ID!
    name: String!
  }
  type Knows @relationshipProperties {
    strength: Int!
    lastContact: Date
  }
`;

const driver = neo4j.driver(
  process.env.NEO4J_URI,
  neo4j.auth.basic(process.env.NEO4J_USER, process.env.NEO4J_PASSWORD),
);
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema });
const port = Number(process.argv[2] || 4000);
const { url } = await startStandaloneServer(server, {
  listen: { port, host: "127.0.0.1" },
  context: async () => ({ sessionConfig: { database: process.env.NEO4J_DATABASE || "neo4j" } }),
});
console.log(`peer ready at ${url}`);
