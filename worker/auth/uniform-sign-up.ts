import { hashPassword } from "better-auth/crypto";

/** What sign-up answers, whether the email was free or taken: nothing that tells them apart. */
export const signUpBody = (email: string, name: string) => ({ user: { email: email.trim().toLowerCase(), name } });

/**
 * Rewrites better-auth's sign-up answer so a taken email looks like a success: the same status
 * and body, only without a session cookie (the UI then suggests signing in). A successful
 * sign-up keeps its cookie. Other answers (bad input, rate limits) pass through.
 */
export async function uniformSignUp(res: Response, body: { email?: unknown; name?: unknown; password?: unknown }) {
  const email = typeof body.email === "string" ? body.email : "";
  const name = typeof body.name === "string" ? body.name : "";
  if (res.status === 200) {
    const headers = new Headers(res.headers);
    headers.delete("content-length");
    return new Response(JSON.stringify(signUpBody(email, name)), { status: 200, headers });
  }
  if (res.status !== 422) return res;
  const error = (await res
    .clone()
    .json()
    .catch(() => null)) as { code?: string } | null;
  if (error?.code !== "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") return res;
  // A new account costs a password hash; so does this answer, so its timing tells nothing either.
  await hashPassword(typeof body.password === "string" ? body.password : "");
  return Response.json(signUpBody(email, name), { status: 200 });
}
