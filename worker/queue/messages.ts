/** Queue messages carry ids only, never image bytes (Queues cap a message at 128 KB). */
export interface GenerateMessage {
  kind: 'generate';
  orgId: string;
  /** The cache row's hash: the consumer's idempotency key. */
  hash: string;
  stepPhotoId: string;
  /** Already scoped to the photo's visual subcategories (subcategoryId -> optionId). */
  selections: Record<string, string>;
  model: string;
  /**
   * The claim this job belongs to (the row's `claimed_at`). A slot reclaimed after 5 minutes
   * gets a new value, so a late failure of the old job cannot mark the new claim failed.
   */
  claimedAt: number;
}

export type GenerationMessage = { kind: 'ping'; at: number } | GenerateMessage;
