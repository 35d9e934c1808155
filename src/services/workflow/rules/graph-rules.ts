import { didYouMean } from "../../text/closest-match.js";
import { jsonPreview } from "../json-size.js";
import { issueText, names, plainList, shown, suggest } from "./issue-text.js";
import type { ExecutionOrder, IrEdge, IrNode, Report, UsableWorkflow } from "./rule-context.js";
import { quoteList } from "./rule-context.js";
import type { WorkflowRule } from "./rule-table.js";
import { RULES } from "./rule-table.js";

/**
 * Graph checks (edge-ref, branching, merge, cycle, connectivity, start-node) and the execution
 * order the template checks rely on. Everything is keyed by node array index or sorted ids, never
 * by the iteration order of a Set, so the same document always yields the same issues.
 */
export function checkGraph(workflow: UsableWorkflow, report: Report): ExecutionOrder {
  const nodeById = new Map(workflow.nodes.map((node) => [node.id, node]));
  const ids = workflow.nodes.map((node) => node.id);
  const validEdges = checkEdgeRefs(workflow.edges, nodeById, ids, report);
  const outgoing = groupEdges(validEdges, "from");
  const incoming = groupEdges(validEdges, "to");
  let linear = validEdges.length === workflow.edges.length;
  linear = checkDegree(workflow.nodes, outgoing, RULES["branching"], report) && linear;
  linear = checkDegree(workflow.nodes, incoming, RULES["merge"], report) && linear;
  linear = checkCycles(workflow.nodes, validEdges, outgoing, report) && linear;
  // Connectivity is only judged on an otherwise linear graph: with dangling edges, forks or
  // cycles the pieces are not paths, and the error already reported is the one to fix.
  const chain = linear ? checkConnectivity(workflow, outgoing, incoming, report) : undefined;
  checkStartNode(workflow, chain, incoming, nodeById, ids, report);
  return buildOrder(workflow.nodes, chain, outgoing, nodeById);
}

function checkEdgeRefs(
  edges: readonly IrEdge[],
  nodeById: ReadonlyMap<string, IrNode>,
  ids: readonly string[],
  report: Report,
): IrEdge[] {
  const valid: IrEdge[] = [];
  for (const edge of edges) {
    let ok = true;
    for (const end of ["from", "to"] as const) {
      const id = edge[end];
      if (nodeById.has(id)) continue;
      ok = false;
      report(
        RULES["edge-ref"],
        issueText`Edge references non-existent node '${shown(id)}' (${edge.path}.${end}).${suggest(id, () => ids)} Change it to one of: ${names(() => ids)}`,
        { path: `${edge.path}.${end}` },
      );
    }
    if (ok) valid.push(edge);
  }
  return valid;
}

function groupEdges(edges: readonly IrEdge[], end: "from" | "to"): Map<string, IrEdge[]> {
  const groups = new Map<string, IrEdge[]>();
  for (const edge of edges) {
    const list = groups.get(edge[end]) ?? [];
    list.push(edge);
    groups.set(edge[end], list);
  }
  return groups;
}

/** branching (outgoing) or merge (incoming): at most one edge per node; true when none broke it. */
function checkDegree(
  nodes: readonly IrNode[],
  groups: ReadonlyMap<string, IrEdge[]>,
  rule: WorkflowRule,
  report: Report,
): boolean {
  let ok = true;
  for (const node of nodes) {
    const edges = groups.get(node.id) ?? [];
    if (edges.length <= 1) continue;
    ok = false;
    const others = edges.map((edge) => (rule === RULES["branching"] ? edge.to : edge.from));
    const where = plainList(edges.map((edge) => edge.path));
    const message =
      rule === RULES["branching"]
        ? `node '${node.id}' has ${edges.length} outgoing edges (to ${quoteList(others)}; ${where}); workflows must be linear (one successor per node): keep one edge and chain the other nodes after it`
        : `node '${node.id}' has ${edges.length} incoming edges (from ${quoteList(others)}; ${where}); workflows must be linear (one predecessor per node): keep one edge and chain the other nodes before it`;
    report(rule, message, { path: node.path, nodeId: node.id });
  }
  return ok;
}

/** Kahn's algorithm finds the nodes on or behind cycles; each cycle is reported once. */
function checkCycles(
  nodes: readonly IrNode[],
  edges: readonly IrEdge[],
  outgoing: ReadonlyMap<string, IrEdge[]>,
  report: Report,
): boolean {
  const indegree = new Map(nodes.map((node) => [node.id, 0]));
  for (const edge of edges) indegree.set(edge.to, indegree.get(edge.to)! + 1);
  const queue = nodes.filter((node) => indegree.get(node.id) === 0).map((node) => node.id);
  const done = new Set<string>();
  for (let next = 0; next < queue.length; next++) {
    const id = queue[next]!;
    done.add(id);
    for (const edge of outgoing.get(id) ?? []) {
      const left = indegree.get(edge.to)! - 1;
      indegree.set(edge.to, left);
      if (left === 0) queue.push(edge.to);
    }
  }
  const remaining = nodes
    .map((node) => node.id)
    .filter((id) => !done.has(id))
    .sort();
  if (remaining.length === 0) return true;
  // findCycle hands out one array per cycle, so identity says whether it was reported.
  const reported = new Set<string[]>();
  const cycleOf = new Map<string, string[] | undefined>();
  for (const start of remaining) {
    const cycle = findCycle(start, outgoing, done, cycleOf);
    if (cycle === undefined) continue;
    if (reported.has(cycle)) continue;
    reported.add(cycle);
    const closing = (outgoing.get(cycle.at(-1)!) ?? []).find((edge) => edge.to === cycle[0])!;
    const loop = [...cycle, cycle[0]].join(" -> ");
    report(
      RULES["cycle"],
      cycle.length === 1
        ? `node '${cycle[0]}' has an edge to itself (${closing.path}); remove it: a node cannot run after itself`
        : `Circular dependency detected: ${loop}; remove the edge that leads back (${closing.path}: '${closing.from}' -> '${closing.to}') so the nodes form one chain`,
      { path: closing.path, nodeId: cycle[0] },
    );
  }
  return false;
}

/**
 * Follows the alphabetically first successor from `start` until a node repeats; returns the loop
 * rotated to start at its smallest id (so the same cycle always reads the same). The walk from a
 * node never depends on where it started, so every node it passes leads to the same answer:
 * `cycleOf` remembers it, and each node is walked once however many starts reach it.
 */
function findCycle(
  start: string,
  outgoing: ReadonlyMap<string, IrEdge[]>,
  acyclic: ReadonlySet<string>,
  cycleOf: Map<string, string[] | undefined>,
): string[] | undefined {
  const walk: string[] = [];
  const position = new Map<string, number>();
  let current: string | undefined = start;
  while (current !== undefined && !position.has(current) && !cycleOf.has(current)) {
    position.set(current, walk.length);
    walk.push(current);
    const successors: string[] = (outgoing.get(current) ?? [])
      .map((edge) => edge.to)
      .filter((id) => !acyclic.has(id))
      .sort();
    current = successors[0];
  }
  let cycle: string[] | undefined;
  if (current !== undefined && cycleOf.has(current)) {
    cycle = cycleOf.get(current);
  } else if (current !== undefined) {
    const loop = walk.slice(position.get(current)!);
    const smallest = loop.indexOf([...loop].sort()[0]!);
    cycle = [...loop.slice(smallest), ...loop.slice(0, smallest)];
  }
  for (const id of walk) cycleOf.set(id, cycle);
  return cycle;
}

/** On a graph of disjoint paths: one chain covering every node, or an error naming the pieces. */
function checkConnectivity(
  workflow: UsableWorkflow,
  outgoing: ReadonlyMap<string, IrEdge[]>,
  incoming: ReadonlyMap<string, IrEdge[]>,
  report: Report,
): string[] | undefined {
  const pieces: string[][] = [];
  for (const node of workflow.nodes) {
    if ((incoming.get(node.id) ?? []).length > 0) continue;
    const piece = [node.id];
    let next = outgoing.get(node.id)?.[0]?.to;
    while (next !== undefined) {
      piece.push(next);
      next = outgoing.get(next)?.[0]?.to;
    }
    pieces.push(piece);
  }
  if (pieces.length === 1) return pieces[0];
  const count = workflow.nodes.length;
  const described = pieces.map((piece) => `[${piece.join(" -> ")}]`).join(", ");
  const missing = pieces
    .slice(1)
    .map((piece, index) => `{"from": "${pieces[index]!.at(-1)}", "to": "${piece[0]}"}`)
    .join(", ");
  const isolated = pieces.filter((piece) => piece.length === 1).map((piece) => piece[0]!);
  report(
    RULES["connectivity"],
    `nodes are not connected into a single chain: ${pieces.length} separate pieces ${described}${
      isolated.length > 0 ? ` (${quoteList(isolated)} have no edge at all)` : ""
    }; ${count} nodes need ${count - 1} edges, found ${workflow.edges.length}. Add ${missing} in the order the steps should run`,
    { path: "edges" },
  );
  return undefined;
}

function checkStartNode(
  workflow: UsableWorkflow,
  chain: readonly string[] | undefined,
  incoming: ReadonlyMap<string, IrEdge[]>,
  nodeById: ReadonlyMap<string, IrNode>,
  ids: readonly string[],
  report: Report,
): void {
  if (!workflow.hasStartNode) return;
  const start = workflow.startNode;
  const location = { path: "start_node" };
  const first = chain?.[0];
  const fix =
    first === undefined ? "remove start_node" : `set start_node to '${first}' or remove it`;
  if (typeof start !== "string") {
    report(
      RULES["start-node"],
      `start_node must be a node id string, not ${jsonPreview(start)}; ${fix}`,
      location,
    );
    return;
  }
  if (!nodeById.has(start)) {
    report(
      RULES["start-node"],
      `start_node '${shown(start)}' is not a node id.${didYouMean(start, ids)} ${first === undefined ? `Use one of: ${quoteList(ids)}` : `Set it to '${first}' or remove it`}`,
      location,
    );
    return;
  }
  if (first !== undefined && start !== first) {
    report(
      RULES["start-node"],
      `start_node '${start}' is not the first node of the chain ('${first}'); ${fix}`,
      {
        ...location,
        nodeId: start,
      },
    );
    return;
  }
  const before = incoming.get(start) ?? [];
  if (first === undefined && before.length > 0) {
    report(
      RULES["start-node"],
      `start_node '${start}' is not the first node of the chain: it has an incoming edge from '${before[0]!.from}' (${before[0]!.path}); point start_node at the node with no incoming edge`,
      { ...location, nodeId: start },
    );
  }
}

/**
 * With a valid chain, positions come from it. With a broken one (already reported), order-dependent
 * checks still need an answer: a node reachable by edges from another runs after it; nodes the
 * edges do not relate (separate pieces, or both on one cycle) fall back to array order, which is
 * the order the model wrote them in and the most likely intent.
 */
function buildOrder(
  nodes: readonly IrNode[],
  chain: string[] | undefined,
  outgoing: ReadonlyMap<string, IrEdge[]>,
  nodeById: ReadonlyMap<string, IrNode>,
): ExecutionOrder {
  if (chain !== undefined) {
    const position = new Map(chain.map((id, index) => [id, index]));
    return {
      chain,
      sequence: chain.map((id) => nodeById.get(id)!),
      runsBefore: (earlier, later) =>
        earlier !== later && position.get(earlier)! < position.get(later)!,
    };
  }
  const reachableCache = new Map<string, Set<string>>();
  const reachable = (from: string): Set<string> => {
    let seen = reachableCache.get(from);
    if (seen !== undefined) return seen;
    seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      for (const edge of outgoing.get(stack.pop()!) ?? []) {
        if (!seen.has(edge.to)) {
          seen.add(edge.to);
          stack.push(edge.to);
        }
      }
    }
    reachableCache.set(from, seen);
    return seen;
  };
  return {
    sequence: [...nodes],
    runsBefore: (earlier, later) => {
      if (earlier === later) return false;
      const forward = reachable(earlier).has(later);
      const backward = reachable(later).has(earlier);
      if (forward !== backward) return forward;
      return nodeById.get(earlier)!.index < nodeById.get(later)!.index;
    },
  };
}
