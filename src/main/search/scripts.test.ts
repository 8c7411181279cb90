/** Search in every script: words of Arabic, Cyrillic and Greek; Chinese and Japanese by substring. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../test/support/search-db'
import { searchArticles } from './search'
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../shared/vocabulary'

let t: TestDb
beforeEach(() => {
  t = createTestDb()
})
afterEach(() => t.close())

const ids = (query: string): number[] => searchArticles(t.db, { query, limit: 50 }).results.map((r) => r.id).sort((a, b) => a - b)
const marked = (s: string): string => s.replaceAll(SNIPPET_OPEN, '[').replaceAll(SNIPPET_CLOSE, ']')

describe('search in every script', () => {
  it('finds Arabic, Cyrillic and Greek words, and says which way the snippet reads', () => {
    const ar = t.add({ title: 'مفاوضات', text: 'قالت الوزارةُ في بيانٍ يوم الثلاثاء إن المفاوضات ستستأنف الأسبوع المقبل.', language: 'ar' })
    t.db.prepare("UPDATE articles SET dir = 'rtl' WHERE id = ?").run(ar)
    const ru = t.add({ title: 'Соглашение', text: 'Москва и Ереван подписали соглашение о поставках газа.', language: 'ru' })
    const el = t.add({ title: 'Συνομιλίες', text: 'Στην Αθήνα οι διαπραγματεύσεις συνεχίζονται για τρίτη ημέρα.', language: 'el' })
    expect(ids('الوزارة')).toEqual([ar])
    expect(ids('بيان')).toEqual([ar])
    expect(ids('Москва')).toEqual([ru])
    expect(ids('соглашение')).toEqual([ru])
    expect(ids('Αθήνα')).toEqual([el])
    const hit = searchArticles(t.db, { query: 'المفاوضات' }).results[0]
    expect(hit.dir).toBe('rtl')
    expect(hit.snippet).toContain(`${SNIPPET_OPEN}المفاوضات${SNIPPET_CLOSE}`)
    expect(searchArticles(t.db, { query: 'Москва' }).results[0].dir).toBe('ltr')
  })

  it('finds Chinese and Japanese words inside longer runs of characters, with the match marked', () => {
    const zh = t.add({ title: '宇航员在太空中喝酒会怎么样', text: '翱翔于距地球数千公里的太空中，进入广袤漆黑的未知领域，是一项艰苦卓绝的工作。', language: 'zh' })
    const ja = t.add({ title: 'フリーWi-Fiプロテクション', text: 'トレンドマイクロは、公衆無線LANを安全に使うためのアプリを発表した。', language: 'ja' })
    const en = t.add({ title: 'Harbour', text: 'The council met on Tuesday about the harbour in Tokyo.' })
    expect(ids('太空中')).toEqual([zh]) // three characters: the trigram index
    expect(ids('太空')).toEqual([zh]) // two: the text of the indexed articles
    expect(ids('宇航员')).toEqual([zh]) // in the title
    expect(ids('公衆無線')).toEqual([ja])
    expect(ids('アプリ')).toEqual([ja])
    expect(ids('太空 harbour')).toEqual([])
    expect(ids('太空 OR harbour')).toEqual([zh, en])
    expect(ids('工作 -宇航员')).toEqual([])
    expect(marked(searchArticles(t.db, { query: '广袤漆黑' }).results[0].snippet)).toBe('翱翔于距地球数千公里的太空中，进入[广袤漆黑]的未知领域，是一项艰苦卓绝的工作。')
  })

  it('keeps the substring index in step when a text is replaced or an article deleted', () => {
    const zh = t.add({ title: '新闻', text: '今天天气很好。' })
    expect(ids('天气很好')).toEqual([zh])
    t.db.prepare("UPDATE article_content SET text = '明天会下雨。' WHERE article_id = ?").run(zh)
    expect(ids('天气很好')).toEqual([])
    expect(ids('会下雨')).toEqual([zh])
    t.db.prepare('DELETE FROM articles WHERE id = ?').run(zh)
    expect(ids('会下雨')).toEqual([])
    expect(() => t.db.prepare("INSERT INTO articles_cjk(articles_cjk, rank) VALUES ('integrity-check', 1)").run()).not.toThrow()
  })
})
