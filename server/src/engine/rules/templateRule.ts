import type { Environment, RuleReport } from './policyRule';
import type { RuleMeta } from './ruleMeta';
import type { TemplateModel } from '../templates/templateModel';
import type { DeploymentView } from '../workspace/deploymentView';

/** A template (ARM JSON or Bicep) as template rules see it. */
export interface TemplateRuleContext {
  readonly model: TemplateModel;
  readonly environment: Environment;
  /** The review date, for settings that expire (certificates). */
  readonly today: Date;
  /** What the templates deployed with this one declare; undefined when the template is read without its folder. */
  readonly deployment?: DeploymentView;
  report(report: RuleReport): void;
}

/** A rule that reads the resources of one template. */
export interface TemplateRule {
  readonly meta: RuleMeta;
  check(context: TemplateRuleContext): void;
}
