// Given/when/then steps for the team workspace panel, on top of the shared AppDriver.
import type { AppDriver } from './driver';

export class WorkspaceSteps {
  constructor(private readonly d: AppDriver) {}

  private get page() {
    return this.d.page;
  }

  when = {
    panelOpened: async (): Promise<void> => {
      if (!(await this.page.$('[data-testid=ws-panel]'))) await this.page.click('[data-testid=ws-open]');
      await this.page.waitForSelector('[data-testid=ws-panel]');
    },
    loggedIn: async (name: string, password: string): Promise<void> => {
      await this.when.panelOpened();
      await this.page.fill('[data-testid=ws-name]', name);
      await this.page.fill('[data-testid=ws-password]', password);
      await this.page.click('[data-testid=ws-login]');
      await this.page.waitForSelector('[data-testid=ws-who]');
    },
    loggedOut: async (): Promise<void> => {
      await this.page.click('[data-testid=ws-logout]');
      await this.page.waitForSelector('[data-testid=ws-panel][data-connected=no]');
    },
    savedAsReview: async (applicant: string, project: string): Promise<void> => {
      await this.page.fill('[data-testid=ws-applicant]', applicant);
      await this.page.fill('[data-testid=ws-project]', project);
      // a message may already be there (the report's upload): wait for the answer to this save
      const before = await this.page.evaluate(() => document.querySelector('[data-testid=ws-message]')?.getAttribute('data-seq') ?? null);
      await this.page.click('[data-testid=ws-save-run]');
      await this.page.waitForFunction((seq) => {
        const m = document.querySelector('[data-testid=ws-message]');
        return m !== null && m.getAttribute('data-seq') !== seq;
      }, before);
    },
    uploaded: async (): Promise<void> => {
      await this.page.click('[data-testid=ws-upload]');
      await this.page.waitForSelector('[data-testid=ws-outbox]', { state: 'detached', timeout: 15_000 });
    },
    submitted: async (): Promise<void> => {
      await this.page.click('[data-testid=ws-submit]');
      await this.page.waitForSelector('[data-testid=ws-opened][data-status=submitted]');
    },
    reviewOpened: async (number: string): Promise<void> => {
      await this.page.click(`[data-testid=ws-reviews] tr[data-number="${number}"] button`);
      await this.page.waitForSelector(`[data-testid=ws-opened][data-number="${number}"]`);
    },
    decided: async (decision: string, note: string): Promise<void> => {
      await this.page.selectOption('[data-testid=ws-decision]', decision);
      await this.page.fill('[data-testid=ws-note]', note);
      await this.page.click('[data-testid=ws-decide]');
      await this.page.waitForSelector('[data-testid=ws-opened][data-status=decided]');
    },
  };

  then = {
    role: () => this.page.getAttribute('[data-testid=ws-who]', 'data-role'),
    message: async (): Promise<{ kind: string | null; text: string }> => ({
      kind: await this.page.getAttribute('[data-testid=ws-message]', 'data-kind'),
      text: (await this.page.textContent('[data-testid=ws-message]')) ?? '',
    }),
    openedNumber: () => this.page.getAttribute('[data-testid=ws-opened]', 'data-number'),
    outboxCount: async (): Promise<number> => Number((await this.page.getAttribute('[data-testid=ws-outbox]', 'data-count')) ?? 0),
    listed: () =>
      this.page.$$eval('[data-testid=ws-reviews] tbody tr', (rows) => rows.map((r) => ({ number: r.getAttribute('data-number'), status: r.getAttribute('data-status') }))),
    decisionText: () => this.page.textContent('[data-testid=ws-opened-decision]'),
  };
}
