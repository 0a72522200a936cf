declare module "vitest" {
  export interface ProvidedContext {
    postgresUrlTemplate: string;
  }
}

export {};
