/**
 * Word lists for the synthetic corpus (bench/corpus.ts). Function words come first: they
 * take the top Zipf ranks, as in real English text. The content words are common news
 * vocabulary; corpus.ts derives inflected forms (-s, -ed, -ing, -ly …) from some of them,
 * so the vocabulary has a few thousand distinct tokens and a realistic spread of stems.
 *
 * Reserved query words (corpus.ts MARKERS) must not appear here, nor words sharing their
 * Porter stem: corpus.ts filters them out anyway.
 */

export const FUNCTION_WORDS = `the of and to a in that is was for on it with as he his by at be said from
have has had are were an this not but they which or their its who been more will would about
after also one two there when up out all new than other into over last some only what her
she could them first over year we no can if so other most before many such him our these
may then just where while those both between through during under against because each very
still however since among until without around whether even much any again another well
three own off here down too several often later yet four five next now per every`

export const CONTENT_WORDS = `people time state country city week day month minister police
president party leader officials family school water money report program company market
service business power group house world public police court health force women children
life war end case part plan law home policy system question problem fact issue side area
member decision number point hand night region office information support change interest
team study record level security price effort work result history idea news sense control
student teacher hospital doctor nurse patient research science data rate growth industry
energy oil gas coal wind solar border trade deal tax budget debt bank loan job worker
union strike protest crowd street road bridge train airport flight ship port harbour
village town capital province district council mayor governor senator judge lawyer jury
trial prison sentence crime victim witness evidence investigation inquiry agency ministry
department committee commission board panel chairman director executive chief spokesman
spokeswoman adviser analyst expert official source statement interview letter speech vote
election campaign candidate poll ballot turnout majority minority opposition coalition
parliamentary congress senate assembly reform bill measure proposal agreement treaty talks
negotiation dispute conflict attack bomb explosion missile army soldier troops
military navy commander general officer weapon threat violence fighting battle offensive
refugee migrant asylum aid charity donation famine drought flood storm hurricane earthquake
fire wildfire heat temperature rain snow season summer winter spring autumn morning evening
century decade moment future past history culture music film book art museum festival
concert theatre player coach match game season league title goal victory defeat fan stadium
technology internet phone computer software platform network device app user account
privacy censorship journalist newspaper magazine broadcaster television radio channel
website article story headline editor reporter column photograph image video camera
economy economic economist inflation recession unemployment wage salary pension benefit
welfare housing rent mortgage property land farm farmer crop food hunger diet disease
virus vaccine outbreak pandemic infection treatment drug medicine clinic surgery cancer
heart brain mind body death birth age generation youth parent mother father son daughter
brother sister wife husband friend neighbour community society population citizen voter
resident tourist visitor crowd audience customer consumer supplier manufacturer factory
plant mine steel car vehicle engine fuel battery electricity grid pipeline emission carbon
pollution environment forest river lake sea ocean coast island mountain valley desert
nature wildlife species animal bird fish tree garden park beach weather forecast warning
risk danger safety accident crash injury damage loss cost profit revenue sale share stock
investor fund currency dollar euro pound exchange export import tariff sanction embargo
supply demand shortage surplus deficit spending investment infrastructure project contract
tender bid auction merger acquisition takeover bankruptcy scandal corruption fraud bribery
allegation accusation charge arrest detention release appeal ruling verdict judgment
constitution right freedom liberty democracy regime dictator authority sovereignty territory
independence referendum separatist rebel insurgent militia terrorist extremist
ideology religion church mosque temple faith belief tradition language identity
nation nationality immigration deportation visa passport embassy diplomat ambassador
foreign domestic international national local regional global federal central
political social cultural financial military medical legal environmental digital
important major significant serious difficult possible likely clear strong large small
high low long short early late recent current former previous final full open free
private public common similar different certain real true whole main key senior junior
young old good bad best worst better worse great little big huge tiny wide narrow deep
rich poor cheap expensive rapid slow quick fast quiet loud hard easy simple complex
black white red green blue yellow dark bright hot cold warm dry wet safe dangerous
popular famous powerful weak fair unfair legal illegal official unofficial active
make take give find tell ask work seem feel try leave call keep let begin help show hear
play run move live believe hold bring happen write provide sit stand lose pay meet include
continue set learn lead understand watch follow stop create speak read allow add spend
grow offer remember love consider appear buy wait serve die send expect build stay fall
cut reach kill remain suggest raise pass sell require decide return explain hope develop
carry break receive agree thank win warn deny confirm announce reject approve launch
claim argue insist admit accuse criticise praise welcome condemn urge demand promise
threaten refuse resign retire hire fire elect appoint nominate sign ban block restrict
protect defend attack invade occupy withdraw retreat advance escape rescue evacuate
survive recover rebuild repair replace reduce increase rise drop decline double triple
improve worsen boost slash freeze extend delay cancel postpone schedule plan prepare
publish broadcast report reveal disclose leak investigate examine review assess measure
estimate calculate predict forecast expect doubt fear worry concern hope trust blame
quickly slowly recently currently largely mostly nearly almost already soon once twice
today yesterday tomorrow tonight ago away back forward together alone instead perhaps
probably certainly clearly simply really actually finally eventually initially
particularly especially widely highly deeply strongly sharply steadily roughly about
across along behind beyond despite inside outside toward towards within upon`

export const FIRST_NAMES = `James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara
Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Betty
Mark Margaret Paul Sandra Steven Ashley Andrew Kimberly Joshua Emily Kenneth Donna Kevin Michelle
Brian Carol George Amanda Timothy Melissa Ahmed Fatima Mohammed Aisha Wei Mei Hiroshi Yuki
Olga Ivan Sergei Anna Pierre Sophie Hans Ingrid Carlos Maria Luis Ana Raj Priya Chinedu Amara
Kofi Ama Lars Astrid Giovanni Giulia Mateo Lucia Omar Layla Dmitri Natalia Javier Elena`

export const LAST_NAMES = `Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
Gonzalez Wilson Anderson Taylor Moore Jackson Martin Lee Perez Thompson Harris Sanchez Clark
Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green
Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Khan Ali Hassan Chen Wang Zhang
Tanaka Suzuki Ivanova Petrov Dubois Moreau Schmidt Fischer Rossi Bianchi Kowalski Novak Okafor
Mensah Singh Patel Sharma Larsen Johansson Haddad Nasser Kuznetsov Silva Santos Oliveira Murphy`

export const PLACES = `London Paris Berlin Madrid Rome Washington Moscow Beijing Tokyo Delhi Cairo Lagos Nairobi
Johannesburg Sydney Toronto Mexico Brasilia Ankara Tehran Baghdad Damascus Kabul Islamabad Dhaka
Jakarta Manila Seoul Bangkok Hanoi Kyiv Warsaw Vienna Prague Budapest Athens Lisbon Dublin
Brussels Amsterdam Stockholm Oslo Helsinki Copenhagen Geneva Zurich Istanbul Beirut Amman Riyadh
Doha Dubai Khartoum Addis Kinshasa Accra Dakar Lima Bogota Caracas Santiago Havana Chicago
Texas California Florida Ohio Scotland Wales Bavaria Catalonia Kashmir Crimea Gaza Aleppo Mosul
Syria Iran Iraq Russia China India Brazil Nigeria Kenya Ukraine Germany France Italy Spain Japan`

export const ORGANISATIONS = [
  'the United Nations', 'the European Union', 'Nato', 'the World Bank', 'the International Monetary Fund',
  'the World Health Organization', 'the Red Cross', 'Amnesty International', 'Human Rights Watch',
  'the Federal Reserve', 'the European Central Bank', 'the Bank of England', 'the Supreme Court',
  'the State Department', 'the Pentagon', 'the Kremlin', 'the Treasury', 'the Home Office',
  'Greenpeace', 'Oxfam', 'the African Union', 'the Arab League', 'Opec', 'the G20', 'Interpol',
  'Reuters', 'the Labour Party', 'the Conservative Party', 'the Democratic Party', 'the Republican Party'
]

export const TAGS = [
  'Syria', 'Iran', 'Environment', 'Elections', 'Economy', 'Health', 'Ukraine', 'China', 'Courts', 'Migration',
  'Energy', 'Technology', 'Trade', 'Security', 'Education', 'Housing', 'Labour', 'Media', 'Corruption',
  'Human rights', 'Middle East', 'Africa', 'Europe', 'Americas', 'Asia', 'Disasters', 'Science', 'Sport',
  'Culture', 'Opinion', 'Fact-check', 'Interview', 'Analysis', 'Background', 'Follow up', 'Quotes',
  'Sources', 'Data', 'Investigation', 'Obituary'
]

/** ~30 outlets: name and domain. */
export const OUTLETS: { name: string; domain: string; section: string }[] = [
  ['The Daily Ledger', 'dailyledger.example'], ['Northern Herald', 'northernherald.example'],
  ['The Capital Times', 'capitaltimes.example'], ['Global Dispatch', 'globaldispatch.example'],
  ['The Morning Post', 'morningpost.example'], ['Harbour Gazette', 'harbourgazette.example'],
  ['Continental Review', 'continentalreview.example'], ['The Evening Standard-Bearer', 'standardbearer.example'],
  ['Metro Chronicle', 'metrochronicle.example'], ['The Observer Weekly', 'observerweekly.example'],
  ['Pacific Courier', 'pacificcourier.example'], ['The Atlantic Record', 'atlanticrecord.example'],
  ['Riverside Tribune', 'riversidetribune.example'], ['The National Sentinel', 'nationalsentinel.example'],
  ['World Affairs Daily', 'worldaffairs.example'], ['The Civic Journal', 'civicjournal.example'],
  ['Eastern Times', 'easterntimes.example'], ['The Frontier Press', 'frontierpress.example'],
  ['Lakeside News', 'lakesidenews.example'], ['The Policy Wire', 'policywire.example'],
  ['Ridge Daily', 'ridgedaily.example'], ['The Independent Voice', 'independentvoice.example'],
  ['Market Watchman', 'marketwatchman.example'], ['The Public Register', 'publicregister.example'],
  ['Coastal Examiner', 'coastalexaminer.example'], ['The Union Bulletin', 'unionbulletin.example'],
  ['Highland Courier', 'highlandcourier.example'], ['The Southern Star', 'southernstar.example'],
  ['Bridge City Times', 'bridgecitytimes.example'], ['The Open Report', 'openreport.example']
].map(([name, domain], i) => ({ name, domain, section: ['world', 'politics', 'business', 'science', 'uk', 'us'][i % 6] }))
