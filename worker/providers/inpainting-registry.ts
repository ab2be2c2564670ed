/**
 * @deprecated Import configuredInpaintingProviders from "./registry"; this path stays only until
 * the generation routes switch.
 */
export { configuredInpaintingProviders } from "./registry";
