import type { Principal } from "../auth/principal.js";
import type { ModeService } from "./mode/mode.service.js";
import type { Mode, ModeMetric, ModeTab } from "./mode/mode.types.js";
import { parseNodeId } from "./node-id.js";
import type { FlowIr } from "./workflow/flow-ir.contract.js";
import { workflowNodeViews } from "./workflow/workflow-store.js";
import type { WorkflowNodeView } from "./workflow/workflow-store.js";
import type { WorkflowService } from "./workflow/workflow.service.js";

export type NodeValue = Mode | ModeTab | ModeMetric | FlowIr | WorkflowNodeView;

/** `node(id)`: finds any object the API served by its global id, while its parent is held. */
export class NodeLookup {
  constructor(
    private readonly modes: ModeService,
    private readonly workflows: WorkflowService,
  ) {}

  /** Modes, tabs and metrics only as the principal can see them (built-ins and its own modes). */
  async find(id: string, principal: Principal): Promise<NodeValue | undefined> {
    const parsed = parseNodeId(id);
    switch (parsed?.type) {
      case "Mode":
        return this.modes.getMode(parsed.modeId, principal);
      case "ModeTab":
        return (await this.modes.getMode(parsed.modeId, principal))?.tabs.find(
          (tab) => tab.id === id,
        );
      case "ModeMetric":
        return (await this.modes.getMode(parsed.modeId, principal))?.defaultMetrics.find(
          (metric) => metric.id === id,
        );
      case "FlowIR":
        return this.workflows.getWorkflow(parsed.digest);
      case "WorkflowNode": {
        const document = await this.workflows.getWorkflow(parsed.digest);
        return document && workflowNodeViews(document).find((node) => node.id === id);
      }
      default:
        return undefined;
    }
  }
}
