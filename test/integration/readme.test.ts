import { it } from "vitest";
import { startTestServer } from "../support/test-server.js";
it("explore", async () => {
  const s = await startTestServer();
  const post = async (query: string, variables?: unknown) => {
    const r = await fetch(s.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
    return r.json();
  };
  const small = { ir_version: "0.1.0", inputs: { notes_file: { description: "Notes to summarize", required: true, type: "string" } }, nodes: [ { id: "read_notes", type: "read-file", params: { file_path: "${notes_file}" } }, { id: "summarize", type: "llm", params: { prompt: "Summarize in ${max_words} words:\n\n${read_notes.content}" } } ], edges: [ { from: "read_notes", to: "summarize" } ] };
  console.log(JSON.stringify(await post(`query V($input: ValidateWorkflowInput!) { validateWorkflow(input: $input) { valid errors { rule severity message path nodeId } warnings { rule message } } }`, { input: { ir: small } }), null, 1));
  console.log(JSON.stringify(await post(`query V($id: ID!) { node(id: $id) { __typename id ... on ModeTab { key label } } }`, { id: "ModeTab:banking:accounts" })));
  const u = new URL(s.url); u.searchParams.set("query", `query V($id: ID!) { node(id: $id) { __typename id } }`); u.searchParams.set("variables", JSON.stringify({id: "banking"})); u.searchParams.set("operationName", "V");
  const g = await fetch(u); console.log(g.status, await g.text());
  await s.close();
});
