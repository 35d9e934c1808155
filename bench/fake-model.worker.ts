// Worker thread: a loopback Azure/OpenAI model answering instantly with a fresh seed colour per
// request, so the server under test pays only its own client-side costs on its event loop.
import { parentPort } from "node:worker_threads";
import { FakeOpenAiServer, jsonCompletion } from "../test/support/fake-openai-server.js";
import { petStoreAnswer } from "../test/support/mode-answers.js";

const model = await new FakeOpenAiServer().listen();
let colour = 0;
model.respondByDefault((request) => {
  const user = (request.body.messages as Array<{ content: string }>)[1]!.content;
  const industry = /<<<INDUSTRY\n(.*)\nINDUSTRY>>>/.exec(user)?.[1] ?? "shop";
  colour = (colour + 7919) % 0x1000000;
  return jsonCompletion(
    petStoreAnswer({
      industry_name: industry,
      industry_id: industry.replace(/\s+/g, "_"),
      primary_color: `#${colour.toString(16).padStart(6, "0")}`,
    }),
  );
});
parentPort!.postMessage(model.url);
parentPort!.once("message", () => {
  void model.close().then(() => process.exit(0));
});
