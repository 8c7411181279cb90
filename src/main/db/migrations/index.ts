import { migration001 } from './001-initial'
import { migration002 } from './002-saved-searches'
import { migration003 } from './003-quotes'
import { migration004 } from './004-article-tags-searchable'
import { migration005 } from './005-backfills'
import { migration006 } from './006-team'
import { migration007 } from './007-pairings'
import { migration008 } from './008-versions'
import { migration009 } from './009-reading-state'
import { migration010 } from './010-article-details'
import { migration011 } from './011-cjk-substring-index'
import { migration012 } from './012-search-indexes'
import { migration013 } from './013-search-id-indexes'
import { migration014 } from './014-tag-dates'
import { migration015 } from './015-library-counts'
import { migration016 } from './016-facet-index'
import type { Migration } from './types'

/** Every migration in order; the last one's version is the schema this build writes. */
export const migrations: Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013, migration014, migration015, migration016]
export const LATEST_VERSION = migrations[migrations.length - 1].version
