import { ProviderError } from "../providers/provider";
import { RetriesExhausted } from "../providers/retry";

/**
 * A pose's background picture that is gone or does not decode. Running the pose again cannot
 * change that (and would pay the provider again), so it takes the path of a provider's
 * permanent refusal: the pose fails at once with this message.
 */
export function unusableBackground(why: string): RetriesExhausted {
  return new RetriesExhausted(new ProviderError("rejected", `The background picture ${why}.`, "background"), 0);
}
