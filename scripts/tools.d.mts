// Types of scripts/tools.mjs for the TypeScript tests that import it.
export declare const CI: boolean;
export declare function onPath(program: string): string | undefined;
export declare function findBrowser(): string | undefined;
export interface Tool {
  pkgs: string[];
  programs: string[];
  present: () => boolean;
  why: string;
}
export declare const TOOLS: Tool[];
export declare const BASE: Record<string, string>;
export declare const SELF_PROVISIONED: Record<string, string>;
