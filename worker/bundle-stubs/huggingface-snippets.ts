// Stands in for @huggingface/tasks and @huggingface/jinja in the Worker bundle (wrangler.toml
// [alias]): @huggingface/inference imports them only to print code snippets for a model, which a
// Worker calling providers never does. Dropping them keeps the Worker under its size budget.
const notBundled = (): never => {
  throw new Error("Hugging Face code snippets are not part of this Worker.");
};

export const inferenceSnippetLanguages: string[] = [];
export const getModelInputSnippet = notBundled;
export class Template {
  constructor() {
    notBundled();
  }
}
