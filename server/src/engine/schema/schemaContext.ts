import type { GatewayType } from '../catalog/policyDefinition';
import type { DocumentScope } from '../policy/policyVocabulary';

/** What the validator knows about the document's surroundings; every part is optional. */
export interface SchemaContext {
  /** Unknown scope: scope checks are skipped. */
  readonly scope?: DocumentScope;
  /** Unknown gateway: gateway checks are skipped (the server passes the setting, classic by default). */
  readonly gateway?: GatewayType;
  /** False when the workspace's fragments are known and none has this id; undefined when unknown. */
  fragmentExists?(id: string): boolean | undefined;
  /** False when the workspace defines named values and none has this name; undefined when unknown. */
  namedValueExists?(name: string): boolean | undefined;
}
