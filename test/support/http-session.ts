/** A minimal browser over fetch for tests against a running server: keeps cookies, reads hidden fields. */
export class HttpSession {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request(method: 'GET' | 'POST', path: string, form?: Record<string, string>): Promise<{ status: number; body: string; location?: string }> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: form ? new URLSearchParams(form).toString() : undefined,
      redirect: 'manual',
    });
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(';')[0];
      const name = pair.slice(0, pair.indexOf('='));
      if (/max-age=0/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(pair.indexOf('=') + 1));
    }
    return { status: response.status, body: await response.text(), location: response.headers.get('location') ?? undefined };
  }

  /** The value of a hidden input in a page. */
  static hidden(body: string, name: string): string {
    const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(body);
    if (!match) throw new Error(`No hidden field ${name} in the page`);
    return match[1];
  }

  async signIn(username: string, password: string): Promise<void> {
    const page = await this.request('GET', '/staff/sign-in');
    const result = await this.request('POST', '/staff/sign-in', { _csrf: HttpSession.hidden(page.body, '_csrf'), username, password });
    if (result.status !== 303) throw new Error(`Sign-in failed with ${result.status}`);
  }
}
