import type { AnalysisContext } from '../engine/analysis/analysisContext';
import { overlayConfig, type ConfigOverlay } from '../engine/config/configOverlay';

/** The context with the command line's rule levels and environment laid over whichever config governs each file. */
export function withConfigOverlay<Context extends Pick<AnalysisContext, 'configFor'>>(context: Context, overlay: ConfigOverlay): Context {
  return {
    ...context,
    configFor: (path: string) => {
      const located = context.configFor(path);
      return { ...located, config: overlayConfig(located.config, overlay) };
    },
  };
}
