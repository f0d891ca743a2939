// Where a tenant's Jobber OAuth tokens live. Jobber rotates refresh tokens: every refresh spends the
// old one, so the new pair must be saved before anything else can go wrong.

export interface JobberTokens {
  accessToken: string;
  refreshToken: string;
}

export interface JobberTokenStore {
  load(): Promise<JobberTokens>;
  save(tokens: JobberTokens): Promise<void>;
}

export class InMemoryJobberTokenStore implements JobberTokenStore {
  private tokens: JobberTokens;
  private saves = 0;

  constructor(initial: JobberTokens) {
    this.tokens = { ...initial };
  }

  async load(): Promise<JobberTokens> {
    return { ...this.tokens };
  }

  async save(tokens: JobberTokens): Promise<void> {
    this.tokens = { ...tokens };
    this.saves += 1;
  }

  /** What is stored now, and how many times it was replaced (for specs and diagnostics). */
  snapshot(): JobberTokens & { saves: number } {
    return { ...this.tokens, saves: this.saves };
  }
}
