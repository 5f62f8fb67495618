"""The GraphQL API: types, inputs, root resolvers."""
