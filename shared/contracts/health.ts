/** `GET /gengo/health`: the setup checklist a site owner reads on the settings page (and monitoring
 * reads as JSON). */
export type SetupCheckId = 'public-url' | 'callback-url' | 'cron' | 'encryption-key' | 'body-limit' | 'keys';

export interface SetupCheck {
  id: SetupCheckId;
  ok: boolean;
  /** What was found, in a sentence. */
  message: string;
  /** What to change when not ok (null when ok). */
  fix: string | null;
}

export interface HealthAnswer {
  plugin: string;
  /** Every check passed. */
  ok: boolean;
  strapiVersion?: string;
  checks: SetupCheck[];
}

/** The former name of the answer. */
export type Health = HealthAnswer;
