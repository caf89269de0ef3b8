/**
 * Murmur3 tokens for the initial nodes of a local cluster.
 *
 * Every initial node is given its tokens instead of allocating them, so that all nodes can start
 * at once (token allocation would serialise the starts). The ring is cut into nodes × vnodes
 * equal slices and the slices are dealt round-robin, which gives every node the same ownership.
 * Tokens are signed 64-bit: BigInt here, decimal strings everywhere else.
 */
const MIN_TOKEN = -(2n ** 63n);
const RING_SIZE = 2n ** 64n;

export function evenlyDealtTokens(nodeCount: number, tokensPerNode: number): string[][] {
  if (!Number.isInteger(nodeCount) || nodeCount < 1)
    throw new Error(`node count must be a positive integer, got ${nodeCount}`);
  if (!Number.isInteger(tokensPerNode) || tokensPerNode < 1)
    throw new Error(`tokens per node must be a positive integer, got ${tokensPerNode}`);
  const total = BigInt(nodeCount * tokensPerNode);
  const step = RING_SIZE / total;
  // Slice k goes to node k % nodeCount, so node n holds slices n, n + nodeCount, n + 2 × nodeCount…
  return Array.from({ length: nodeCount }, (_, node) =>
    Array.from({ length: tokensPerNode }, (_, round) =>
      (MIN_TOKEN + (BigInt(round) * BigInt(nodeCount) + BigInt(node)) * step).toString(),
    ),
  );
}
