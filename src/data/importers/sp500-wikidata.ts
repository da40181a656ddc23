/**
 * Wikidata ids (QIDs) for S&P 500 companies, keyed by the ticker Symbol of the
 * constituents CSV; the sp500 importer adds them to the company's `ids`.
 *
 * Only checked ids are listed. Each one was looked up in public code and pages
 * and kept only where a source pairs it with this company's name: a saved
 * answer of the Wikipedia or Wikidata APIs, a store-locator or brand table, or
 * a hand-written list whose other pairs agree with ids we already knew. An id
 * that a source gave to a different company, or that nothing confirmed, was
 * left out, so a company missing here may simply not have been checked yet.
 */
export const SP500_WIKIDATA: Readonly<Record<string, string>> = {
  ABNB: 'Q63327', // Airbnb
  ACN: 'Q338825', // Accenture
  ADBE: 'Q11463', // Adobe Inc.
  AMD: 'Q128896', // Advanced Micro Devices
  APO: 'Q619121', // Apollo Global Management
  BAC: 'Q487907', // Bank of America
  BBY: 'Q533415', // Best Buy
  BMY: 'Q266423', // Bristol Myers Squibb
  CAH: 'Q902397', // Cardinal Health
  CAT: 'Q459965', // Caterpillar Inc.
  CMG: 'Q465751', // Chipotle Mexican Grill
  COF: 'Q1034654', // Capital One
  COIN: 'Q16972754', // Coinbase
  COR: 'Q470156', // Cencora
  COST: 'Q715583', // Costco
  CRM: 'Q941127', // Salesforce
  CSCO: 'Q173395', // Cisco
  CVS: 'Q624375', // CVS Health
  DDOG: 'Q16248637', // Datadog
  DG: 'Q145168', // Dollar General
  DLTR: 'Q5289230', // Dollar Tree
  DPZ: 'Q839466', // Domino's
  EBAY: 'Q58024', // eBay Inc.
  GD: 'Q502940', // General Dynamics
  HD: 'Q864407', // Home Depot (The)
  HOOD: 'Q18155123', // Robinhood Markets
  IVZ: 'Q522617', // Invesco
  JNJ: 'Q333718', // Johnson & Johnson
  KKR: 'Q1570773', // KKR & Co.
  KO: 'Q3295867', // Coca-Cola Company (The)
  KR: 'Q153417', // Kroger
  LMT: 'Q7240', // Lockheed Martin
  LOW: 'Q1373493', // Lowe's
  MA: 'Q489921', // Mastercard
  MCD: 'Q38076', // McDonald's
  MCK: 'Q570473', // McKesson Corporation
  MMM: 'Q159433', // 3M
  MRK: 'Q247489', // Merck & Co.
  MS: 'Q334204', // Morgan Stanley
  NKE: 'Q483915', // Nike, Inc.
  NOW: 'Q7455653', // ServiceNow
  PEP: 'Q334800', // PepsiCo
  PFE: 'Q206921', // Pfizer
  PG: 'Q212405', // Procter & Gamble
  PLTR: 'Q2047336', // Palantir Technologies
  PYPL: 'Q483959', // PayPal
  QCOM: 'Q544847', // Qualcomm
  RTX: 'Q89368734', // RTX Corporation
  SHW: 'Q48881', // Sherwin-Williams
  STT: 'Q2037125', // State Street Corporation
  TMUS: 'Q3511885', // T-Mobile US
  TXN: 'Q193412', // Texas Instruments
  ULTA: 'Q7880076', // Ulta Beauty
  UNH: 'Q2103926', // UnitedHealth Group
  UPS: 'Q155026', // United Parcel Service
  VZ: 'Q467752', // Verizon
};
