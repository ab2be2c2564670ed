import { ApiRequestError, call, client, postAuth } from "$lib/api/client";

export interface Me {
  id: string;
  name: string;
  email: string;
  role: string;
}

/** Who is signed in, shared by every page. */
class Session {
  user = $state<Me | null>(null);
  loaded = $state(false);

  async load() {
    try {
      this.user = await call(client.v1.account.me.$get());
    } catch (err) {
      if (!(err instanceof ApiRequestError) || err.status !== 401) throw err;
      this.user = null;
    } finally {
      this.loaded = true;
    }
  }

  async signIn(email: string, password: string) {
    await postAuth("sign-in/email", { email, password });
    await this.load();
  }

  /**
   * True when the new account is signed in. Sign-up answers a taken email like a success but
   * without a session (it does not tell who has an account), so false means: try signing in.
   */
  async signUp(name: string, email: string, password: string): Promise<boolean> {
    await postAuth("sign-up/email", { name, email, password });
    await this.load();
    return this.user !== null;
  }

  async signOut() {
    await postAuth("sign-out");
    this.user = null;
  }
}

export const session = new Session();
