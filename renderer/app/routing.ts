/**
 * The route in the address (`#/article/<id>`): a reload, or the desktop app restarting its window,
 * comes back to the same article or view. Landing targets (a search match) are not kept: they are
 * a moment, not a place.
 */
import type { Route } from './views';

export function routeToHash(route: Route): string {
  if (route.view === 'library') return '#/library';
  if (route.view === 'reader' && 'articleId' in route) return `#/article/${encodeURIComponent(route.articleId)}`;
  const param = 'param' in route && route.param ? `/${encodeURIComponent(route.param)}` : '';
  return `#/${encodeURIComponent(route.view)}${param}`;
}

export function routeFromHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [view, param] = parts;
  if (!view || view === 'library') return { view: 'library' };
  if (view === 'article' && param) return { view: 'reader', articleId: param };
  return param ? { view, param } : { view };
}
