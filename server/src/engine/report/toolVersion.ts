declare const APIM_STUDIO_VERSION: string;

/** The version esbuild stamps into every bundle (from package.json); `development` for unbundled runs. */
export const TOOL_VERSION = typeof APIM_STUDIO_VERSION === 'string' ? APIM_STUDIO_VERSION : 'development';
