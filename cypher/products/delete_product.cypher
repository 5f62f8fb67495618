// Delete a product with its deployments; opportunities' productId is cleared.
// mode: write
// params: id
// scope: shared
OPTIONAL MATCH (p:Product {id: $id})
CALL (p) {
  WITH p WHERE p IS NOT NULL
  OPTIONAL MATCH (o:Opportunity {productId: $id}) SET o.productId = null
}
WITH p, p IS NOT NULL AS existed
DETACH DELETE p
RETURN existed
