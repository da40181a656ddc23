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
  AMD: 'Q128896', // Advanced Micro Devices
  BAC: 'Q487907', // Bank of America
  BBY: 'Q533415', // Best Buy
  BMY: 'Q266423', // Bristol Myers Squibb
  CAH: 'Q902397', // Cardinal Health
  CAT: 'Q459965', // Caterpillar Inc.
  CMG: 'Q465751', // Chipotle Mexican Grill
  COF: 'Q1034654', // Capital One
  COR: 'Q470156', // Cencora
  COST: 'Q715583', // Costco
  CRM: 'Q941127', // Salesforce
  CSCO: 'Q173395', // Cisco
  CVS: 'Q624375', // CVS Health
  DG: 'Q145168', // Dollar General
  DLTR: 'Q5289230', // Dollar Tree
  DPZ: 'Q839466', // Domino's
  EBAY: 'Q58024', // eBay Inc.
  HD: 'Q864407', // Home Depot (The)
  JNJ: 'Q333718', // Johnson & Johnson
  KO: 'Q3295867', // Coca-Cola Company (The)
  KR: 'Q153417', // Kroger
  LMT: 'Q7240', // Lockheed Martin
  LOW: 'Q1373493', // Lowe's
  MA: 'Q489921', // Mastercard
  MCD: 'Q38076', // McDonald's
  MCK: 'Q570473', // McKesson Corporation
  MMM: 'Q159433', // 3M
  MRK: 'Q247489', // Merck & Co.
  NKE: 'Q483915', // Nike, Inc.
  PEP: 'Q334800', // PepsiCo
  PFE: 'Q206921', // Pfizer
  PG: 'Q212405', // Procter & Gamble
  PLTR: 'Q2047336', // Palantir Technologies
  PYPL: 'Q483959', // PayPal
  QCOM: 'Q544847', // Qualcomm
  UNH: 'Q2103926', // UnitedHealth Group
  UPS: 'Q155026', // United Parcel Service
  VZ: 'Q467752', // Verizon
};
