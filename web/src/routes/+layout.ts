// Client-side only: the Worker serves the built files and the API.
export const ssr = false;
export const prerender = false;
