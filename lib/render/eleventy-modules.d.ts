// The few parts of Eleventy's untyped JavaScript API this engine uses.
declare module '@11ty/eleventy' {
  export interface EleventyConfig {
    addGlobalData(name: string, value: unknown): void;
    addFilter(name: string, filter: (...args: any[]) => unknown): void;
    addTransform(name: string, transform: (this: unknown, content: string, outputPath: string) => string | Promise<string>): void;
    addPlugin(plugin: unknown, options?: unknown): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    setTemplateFormats(formats: string[]): void;
    setUseGitIgnore(use: boolean): void;
    setQuietMode(quiet: boolean): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    on(event: string, listener: (...args: any[]) => unknown): void;
    addExtension(extension: string, options: Record<string, unknown>): void;
    ignores: { add(glob: string): void };
  }
  export interface EleventyOptions {
    config?: (eleventyConfig: EleventyConfig) => void | Promise<void>;
    configPath?: string;
    pathPrefix?: string;
    quietMode?: boolean;
    runMode?: 'build' | 'watch' | 'serve';
  }
  export interface TemplateResult {
    outputPath: string | false;
    url: string | false;
  }
  export class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    write(): Promise<[unknown, TemplateResult[]]>;
  }
  export const HtmlBasePlugin: unknown;
}

declare module '@11ty/eleventy-plugin-rss' {
  export function dateToRfc3339(date: Date): string;
  const rssPlugin: unknown;
  export default rssPlugin;
}

declare module '@11ty/eleventy-dev-server' {
  interface DevServerOptions {
    port?: number;
    liveReload?: boolean;
    domDiff?: boolean;
    showVersion?: boolean;
    pathPrefix?: string;
    logger?: { log(message: string): void; info(message: string): void; error(message: string): void; forceLog?(message: string): void };
    messageOnStart?: (info: { hosts: string[] }) => string;
  }
  class EleventyDevServer {
    constructor(name: string, dir: string, options?: DevServerOptions);
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    /** The folder served. */
    dir: string;
    // Internals that lib/render/dev-server.ts builds on (checked against 2.1.x):
    /** The HTTP server, created on first access together with the hook that starts the live-reload socket on 'listening'. */
    readonly server: import('node:http').Server;
    /** Answers one request (passed to http.createServer). */
    onRequestHandler(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse): Promise<void>;
    /** Which file in `dir` a URL names, or a redirect or 404; throws on bad encoding or a path outside `dir`. */
    mapUrlToFilePath(url: string): { statusCode: number; filepath?: string; url?: string };
    serve(port: number): void;
    ready(): Promise<void>;
    reload(event?: { files?: string[]; subtype?: string }): void;
    close(): Promise<void>;
  }
  export default EleventyDevServer;
}
