import type { Locator, Page } from '@playwright/test';

/** Incident and silence ids are UUIDs: their test ids are told from the other `incident-…`/`silence-…` ids by that. */
const INCIDENT_ID = /^incident-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SILENCE_ID = /^silence-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface NewRule {
  id: string;
  name: string;
  kind: string;
  severity: 'critical' | 'error' | 'warning' | 'info';
}

/** /clusters/<id>/alerts: firing incidents (live), node verdicts, silences with their form, history and rules. */
export class AlertsPage {
  constructor(
    private readonly page: Page,
    private readonly clusterId = 'demo',
  ) {}

  /** Opens the page and waits for the first live view (the node verdicts come with it). */
  async open(): Promise<void> {
    await this.page.goto(`/clusters/${this.clusterId}/alerts`);
    await this.page.getByTestId('node-verdicts').waitFor();
  }

  /** Firing incidents with a member alert on this node. */
  incidentsOn(address: string): Locator {
    return this.page.getByTestId(INCIDENT_ID).filter({
      has: this.page.getByTestId('member-node').getByText(address, { exact: true }),
    });
  }

  /** The member alert of a rule (by its name) on a node, in whichever incident lists it. */
  member(address: string, ruleName: string): Locator {
    return this.incidentsOn(address)
      .getByTestId('incident-member')
      .filter({ has: this.page.getByTestId('member-rule').getByText(ruleName, { exact: true }) })
      .filter({ has: this.page.getByTestId('member-node').getByText(address, { exact: true }) });
  }

  title(incident: Locator): Locator {
    return incident.getByTestId('incident-title');
  }

  opened(incident: Locator): Locator {
    return incident.getByTestId('incident-opened');
  }

  answersCql(address: string): Locator {
    return this.page.getByTestId(`verdict-${address}`).getByTestId('verdict-answering');
  }

  /** "Silence…" on a member alert: the silence form starts from that alert. */
  async openSilenceFormFor(address: string, ruleName: string): Promise<void> {
    await this.member(address, ruleName).getByTestId('member-silence').click();
  }

  /** The silence form's first matcher as it stands: [name, op, value]. */
  async firstMatcher(): Promise<[string, string, string]> {
    const form = this.page.getByTestId('silence-form');
    return [
      await form.getByTestId('silence-matcher-name-0').inputValue(),
      await form.getByTestId('silence-matcher-op-0').inputValue(),
      await form.getByTestId('silence-matcher-value-0').inputValue(),
    ];
  }

  /** Says why and for how long, and makes the silence; resolves once the server made it. */
  async makeSilence(comment: string, length: '1h' | '4h' | '1d' = '1h'): Promise<void> {
    const form = this.page.getByTestId('silence-form');
    await form.getByTestId('silence-comment').fill(comment);
    await form.getByTestId('silence-length').selectOption(length);
    await form.getByTestId('silence-submit').click();
    await form.getByTestId('silence-made').waitFor();
  }

  silence(comment: string): Locator {
    return this.page
      .getByTestId(SILENCE_ID)
      .filter({ has: this.page.getByTestId('silence-comment-text').getByText(comment, { exact: true }) });
  }

  silenceState(comment: string): Locator {
    return this.silence(comment).getByTestId('silence-state');
  }

  silenceMatchers(comment: string): Locator {
    return this.silence(comment).getByTestId('silence-matchers');
  }

  async endSilence(comment: string): Promise<void> {
    await this.silence(comment).getByTestId('silence-end-now').click();
  }

  rulesTable(): Locator {
    return this.page.getByTestId('alert-rules');
  }

  rule(id: string): Locator {
    return this.page.getByTestId(`rule-${id}`);
  }

  /** Fills the rule form (an availability kind) and saves; resolves once the server saved it. */
  async addRule(rule: NewRule): Promise<void> {
    const form = this.page.getByTestId('rule-form');
    await form.getByTestId('rule-id').fill(rule.id);
    await form.getByTestId('rule-name').fill(rule.name);
    await form.getByTestId('rule-kind').selectOption(rule.kind);
    await form.getByTestId('rule-severity').selectOption(rule.severity);
    await form.getByTestId('rule-for').fill('0');
    await form.getByTestId('rule-submit').click();
    await form.getByTestId('rule-saved').waitFor();
  }

  /** Deletes a rule added in the console, confirming; resolves once its row is gone. */
  async deleteRule(id: string): Promise<void> {
    await this.rule(id).getByTestId('rule-delete').click();
    await this.page.getByTestId('confirm-yes').click();
    await this.rule(id).waitFor({ state: 'detached' });
  }

  destinationsLink(): Locator {
    return this.page.getByTestId('destinations-link');
  }
}

export interface NewWebhook {
  name: string;
  url: string;
  format?: 'ringside-v1' | 'alertmanager-v4';
  /** Comma-separated cluster ids; every cluster when left out. */
  clusters?: string;
}

/** /admin/destinations: the add form with its once-shown secret, the list and its actions, each one's deliveries. */
export class DestinationsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/admin/destinations');
    await this.page.getByTestId('destinations').waitFor();
  }

  /** Adds a webhook and returns its signing secret, read before the page forgets it. */
  async addWebhook(webhook: NewWebhook): Promise<string> {
    const form = this.page.getByTestId('destination-form');
    await form.getByTestId('destination-kind').selectOption('webhook');
    await form.getByTestId('destination-name-input').fill(webhook.name);
    await form.getByTestId('destination-url').fill(webhook.url);
    await form.getByTestId('destination-format').selectOption(webhook.format ?? 'ringside-v1');
    await form.getByTestId('destination-clusters').fill(webhook.clusters ?? '');
    await form.getByTestId('destination-submit').click();
    const secret = (await this.page.getByTestId('destination-secret-value').textContent())?.trim() ?? '';
    await this.page.getByTestId('destination-secret-done').click();
    return secret;
  }

  row(name: string): Locator {
    return this.page
      .getByTestId('destination-row')
      .filter({ has: this.page.getByTestId('destination-name').getByText(name, { exact: true }) });
  }

  async sendTest(name: string): Promise<void> {
    await this.row(name).getByTestId('destination-test').click();
  }

  /** Opens the destination's deliveries (a test opens them by itself). */
  async showDeliveries(name: string): Promise<void> {
    const toggle = this.row(name).getByTestId('destination-show-deliveries');
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await this.page.getByTestId('deliveries').waitFor();
  }

  /** The open deliveries of one type (alert.firing, test.ping, …). */
  deliveries(type: string): Locator {
    return this.page
      .getByTestId('delivery-row')
      .filter({ has: this.page.getByTestId('delivery-type').getByText(type, { exact: true }) });
  }

  async delete(name: string): Promise<void> {
    await this.row(name).getByTestId('destination-delete').click();
    await this.page.getByTestId('confirm-yes').click();
    await this.row(name).waitFor({ state: 'detached' });
  }
}
