import { z } from "zod";

// Our Content-Security-Policy has no 'unsafe-eval': tell zod not to compile parsers with
// `new Function` (and not to probe for it, which a strict CSP reports as a violation).
z.config({ jitless: true });
