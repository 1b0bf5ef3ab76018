/**
 * The absolute URL of a hub API path. A hub URL is either a path on this app's own origin
 * (the default "/": the hub that served the app) or an absolute http(s) URL of another hub.
 */
export function hubEndpoint(hubUrl: string, path: string, appOrigin: string): string {
  const base = new URL(hubUrl, appOrigin);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return new URL(path.replace(/^\//, ''), base).toString();
}
