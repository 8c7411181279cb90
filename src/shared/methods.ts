/**
 * The names of the contract's methods and events, apart from their schemas so that the
 * preload and the renderer can loop over them without bundling zod. `api.ts` checks at
 * compile time that its schemas cover exactly these names.
 */
export const methodNames = [
  'info',
  'listArticles',
  'listArticleStates',
  'getArticle',
  'deleteArticles',
  'setArticleTags',
  'addArticleTags',
  'listTags',
  'importItems',
  'addHighlight',
  'updateHighlight',
  'deleteHighlight',
  'listQuotes',
  'renameTag',
  'exportHighlights',
  'search',
  'searchMatches',
  'searchSuggestion',
  'listSavedSearches',
  'saveSearch',
  'deleteSavedSearch',
  'articleQuotes',
  'setQuoteSpeaker',
  'highlightQuote',
  'listSpeakers',
  'speakerQuotes',
  'mergeSpeakers',
  'exportSpeakerQuotes',
  'teamStatus',
  'teamSync',
  'teamShare',
  'teamSearch',
  'teamHistory',
  'listPairings',
  'approvePairing',
  'revokePairing',
  'findSavedUrl',
  'listVersions',
  'getVersion',
  'diffVersions',
  'exportDiff',
  'listChanges',
  'getFollow',
  'setFollow',
  'recheck',
  'getFollowSettings',
  'setFollowSettings',
  'editArticle',
  'reextractArticles',
  'retryImages',
  'setArticleState',
  'setReadingProgress',
  'getSettings',
  'updateSettings'
] as const
export type MethodName = (typeof methodNames)[number]

export const eventNames = ['libraryChanged', 'importProgress', 'pairingsChanged', 'openArticle', 'reextractProgress'] as const
export type EventName = (typeof eventNames)[number]

/** True when `name` is one of the contract's methods. */
export const isMethodName = (name: string): name is MethodName => (methodNames as readonly string[]).includes(name)
