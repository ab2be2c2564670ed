// The fashion stage's settings are declared with the stage; the generation routes read them here.
export { FashionSettings, hasFashion, needsInpainting } from "../stages/fashion";
