// Given/when/then steps for the workspace panel's shared parts (data versions, shared scenarios and
// their conflicts, kept changes, accounts), on top of the shared AppDriver.
import type { AppDriver } from './driver';

export class SharedSteps {
  constructor(private readonly d: AppDriver) {}

  private get page() {
    return this.d.page;
  }

  /** the next message the panel shows after `act` (not one left from before) */
  private async answered(act: () => Promise<void>): Promise<void> {
    const before = await this.page.evaluate(() => document.querySelector('[data-testid=ws-message]')?.getAttribute('data-seq') ?? '');
    await act();
    await this.page.waitForFunction(
      (b) => {
        const seq = document.querySelector('[data-testid=ws-message]')?.getAttribute('data-seq');
        return seq != null && seq !== b;
      },
      before,
      { timeout: 30_000 },
    );
  }

  /** the lists the panel reads at each login have been read (until then it shows none) */
  private async read(): Promise<void> {
    await this.page.waitForSelector('[data-testid=ws-data][data-read=yes]', { timeout: 30_000 });
  }

  when = {
    panelClosed: async (): Promise<void> => {
      await this.page.click('[data-testid=ws-panel] .close');
      await this.page.waitForSelector('[data-testid=ws-panel]', { state: 'detached' });
    },
    // accounts
    userCreated: async (name: string, role: string, password: string): Promise<void> => {
      await this.page.fill('[data-testid=ws-user-name]', name);
      await this.page.selectOption('[data-testid=ws-user-newrole]', role);
      await this.page.fill('[data-testid=ws-user-password]', password);
      await this.page.click('[data-testid=ws-user-create]');
      await this.page.waitForSelector(`[data-testid=ws-user-list] tr[data-name="${name}"]`);
    },
    roleChanged: async (name: string, role: string): Promise<void> => {
      await this.page.selectOption(`[data-testid=ws-user-list] tr[data-name="${name}"] [data-testid=ws-user-role]`, role);
      await this.page.waitForSelector(`[data-testid=ws-user-list] tr[data-name="${name}"][data-role=${role}]`);
    },
    disabledToggled: async (name: string, to: 'yes' | 'no'): Promise<void> => {
      await this.page.click(`[data-testid=ws-user-list] tr[data-name="${name}"] [data-testid=ws-user-disable]`);
      await this.page.waitForSelector(`[data-testid=ws-user-list] tr[data-name="${name}"][data-disabled=${to}]`);
    },
    passwordReset: async (name: string, password: string): Promise<void> => {
      const row = `[data-testid=ws-user-list] tr[data-name="${name}"]`;
      await this.page.fill(`${row} [data-testid=ws-user-newpw]`, password);
      await this.answered(() => this.page.click(`${row} [data-testid=ws-user-reset]`));
    },
    // data versions
    published: async (note: string): Promise<void> => {
      const before = await this.then.versions();
      await this.page.fill('[data-testid=ws-data-note]', note);
      await this.page.click('[data-testid=ws-data-publish]');
      await this.page.waitForFunction((n) => document.querySelectorAll('[data-testid=ws-versions] tbody tr').length === n, before.length + 1, { timeout: 30_000 });
    },
    restored: async (version: number): Promise<void> => {
      const before = await this.then.versions();
      await this.page.click(`[data-testid=ws-versions] tr[data-version="${version}"] [data-testid=ws-data-restore]`);
      await this.page.waitForFunction((n) => document.querySelectorAll('[data-testid=ws-versions] tbody tr').length === n, before.length + 1);
    },
    currentLoaded: async (): Promise<void> => {
      await this.answered(() => this.page.click('[data-testid=ws-data-load]'));
      await this.d.analysed();
    },
    // scenarios
    scenarioSaved: async (): Promise<void> => {
      await this.answered(() => this.page.click('[data-testid=ws-sc-save]'));
    },
    sharedOpened: async (name: string): Promise<void> => {
      await this.answered(() => this.page.click(`[data-testid=ws-sc-list] tr[data-name="${name}"] [data-testid=ws-sc-open]`));
      await this.d.settled();
    },
    resolved: async (choice: 'mine' | 'theirs' | 'copy'): Promise<void> => {
      await this.page.click(`[data-testid=ws-resolve-${choice}]`);
      await this.page.waitForSelector('[data-testid=ws-conflict]', { state: 'detached' });
      await this.d.settled();
    },
    // kept changes
    discarded: async (op: string): Promise<void> => {
      await this.page.click(`[data-testid=ws-outbox] li[data-op=${op}] [data-testid=ws-out-discard]`);
    },
    uploadedWithRefusal: async (): Promise<void> => {
      await this.answered(() => this.page.click('[data-testid=ws-upload]'));
    },
  };

  then = {
    users: async () => {
      await this.read();
      return this.page.$$eval('[data-testid=ws-user-list] tbody tr', (rows) =>
        rows.map((r) => [r.getAttribute('data-name'), r.getAttribute('data-role'), r.getAttribute('data-disabled')]),
      );
    },
    versions: async () => {
      await this.read();
      return this.page.$$eval('[data-testid=ws-versions] tbody tr', (rows) => rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim())));
    },
    baseline: () => this.page.getAttribute('[data-testid=ws-baseline]', 'data-version'),
    projectLine: async () => (await this.page.textContent('[data-testid=project-file]')) ?? '',
    shared: async () => {
      await this.read();
      return this.page.$$eval('[data-testid=ws-sc-list] tbody tr', (rows) =>
        rows.map((r) => ({ name: r.getAttribute('data-name'), cells: Array.from(r.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim()) })),
      );
    },
    conflict: async () => ({
      theirs: (await this.page.textContent('[data-testid=ws-conflict-theirs]')) ?? '',
      mine: (await this.page.textContent('[data-testid=ws-conflict-mine]')) ?? '',
      buttons: await this.page.$$eval('[data-testid=ws-conflict] button', (bs) => bs.map((b) => (b.textContent ?? '').trim())),
    }),
    message: async () => (await this.page.textContent('[data-testid=ws-message]')) ?? '',
    outbox: () =>
      this.page.$$eval('[data-testid=ws-outbox] li', (lis) =>
        lis.map((li) => ({ op: li.getAttribute('data-op'), refused: li.getAttribute('data-refused'), text: (li.textContent ?? '').trim() })),
      ),
  };
}
