/** Queue messages carry ids only, never image bytes (Queues cap a message at 128 KB). */
export type GenerationMessage =
  | { kind: 'ping'; at: number }
  | {
      kind: 'generate';
      orgId: string;
      hash: string;
      stepPhotoId: string;
      selections: Record<string, string>;
      model: string;
    };
