/**
 * Which events the timeline shows, kept in the route's `param` so a reload, Alt+← and a link from a
 * dossier or from search results all come back to the same timeline:
 *   (none)            the whole library
 *   tag:<tag>         articles with that tag
 *   dossier:<id>      a dossier's articles and highlights
 *   search:<query>    the articles a search finds (highlights and notes count for their article)
 *   articles:<id,…>   a given set of articles
 */

export type TimelineScopeParam =
  | { readonly kind: 'library' }
  | { readonly kind: 'tag'; readonly tag: string }
  | { readonly kind: 'dossier'; readonly id: string }
  | { readonly kind: 'search'; readonly query: string }
  | { readonly kind: 'articles'; readonly ids: readonly string[] };

export function scopeFromParam(param: string | undefined): TimelineScopeParam {
  if (!param) return { kind: 'library' };
  const colon = param.indexOf(':');
  const kind = colon < 0 ? param : param.slice(0, colon);
  const value = colon < 0 ? '' : param.slice(colon + 1);
  if (kind === 'tag' && value.trim()) return { kind: 'tag', tag: value };
  if (kind === 'dossier' && value.trim()) return { kind: 'dossier', id: value };
  if (kind === 'search' && value.trim()) return { kind: 'search', query: value };
  if (kind === 'articles') {
    const ids = value.split(',').map((id) => id.trim()).filter(Boolean);
    if (ids.length) return { kind: 'articles', ids };
  }
  return { kind: 'library' };
}

export function scopeToParam(scope: TimelineScopeParam): string | undefined {
  switch (scope.kind) {
    case 'library':
      return undefined;
    case 'tag':
      return `tag:${scope.tag}`;
    case 'dossier':
      return `dossier:${scope.id}`;
    case 'search':
      return `search:${scope.query}`;
    case 'articles':
      return `articles:${scope.ids.join(',')}`;
  }
}
