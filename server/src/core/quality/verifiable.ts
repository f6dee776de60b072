/**
 * Verifiable end states of a binary milestone (guide §1.1 step 4), found by the shape of the clause
 * instead of by listed phrases, so that wordings no labelled row used still count:
 * - a decision a formal body takes: "ratified at the members' general meeting", "signed with the Linux
 *   Foundation", "reviewed by the foundation's legal counsel", "Ratify the policy through an AIP vote",
 *   "The data protection officer approves the DPIA", "Board sign-off on the strategy";
 * - a standing a named framework grants: "Achieve FedRAMP Moderate authorization", "earn the
 *   OpenSSF badge", "PCI DSS Level 1 compliance" (not "GDPR compliance": no one certifies it);
 * - a grade in a named assessment: "Achieve Good in the cyber security baseline assessment";
 * - a named level reached: "reaches Graduated maturity level", "achieve Gold partner status";
 * - a named product replaced: "Salesforce replaces HubSpot", "…, replacing ReadTheDocs";
 * - a check stated as passed ("GDS assessment: beta passed"), or done by a named outside party
 *   ("audit of the contracts completed by Trail of Bits").
 * Each needs both halves (the decision and who takes it, the standing and whose it is): "reviewed by
 * the team", "GDPR compliance" or "Replace Redash with Looker" (a task) stay unsettled.
 */

// Any form of a decision someone takes about the deliverable, as the state reached.
const DECISION_PARTICIPLE = String.raw`(?:approved|ratified|signed(?:[-\s]off)?|countersigned|accepted|adopted|endorsed|certified|authori[sz]ed|accredited|reviewed|audited|validated|verified|vetted|voted(?:\s+(?:on|through|in))?|agreed|confirmed|elected|passed|granted|sanctioned|cleared|green-?lit)`;
// Those that only a body can take, when the key result orders them ("Ratify X through a vote").
const DECISION_IMPERATIVE = String.raw`(?:[Rr]atify|[Aa]pprove|[Aa]dopt|[Ee]lect|[Ee]ndorse|[Cc]onfirm|[Pp]ass)`;
// Who takes it: a formal body or an outside professional, not the team doing the work.
const BODY = String.raw`(?:board|committee|council|counsel|lawyers?|attorneys?|solicitors?|legal(?:\s+counsel|\s+team)?|auditors?|assessors?|regulators?|members(?:hip)?|token[-\s]?holders|shareholders|stakeholders'?\s+vote|trustees|directors|assembly|meeting|vote|ballot|referendum|parliament|cabinet|ministers?|panel|court|tribunal|governance\s+(?:call|forum|vote))\b`;
// …or a named one. Quarters, halves and months are dates, not parties.
const NAME = String.raw`(?!(?:Q[1-4]|H[12]|FY\d*|January|February|March|April|May|June|July|August|September|October|November|December)\b)\p{Lu}[\p{L}\d.&-]*`;
const ARTICLE = String.raw`(?:(?:the|an?|our|its|their|an\s+external|an\s+independent|a\s+third[-\s]party)\s+)?`;

const DECIDED_BY_BODY = new RegExp(
  String.raw`\b${DECISION_PARTICIPLE}\s+(?:\p{Ll}+\s+)?(?:by|with|at|through|via|in|from)\s+${ARTICLE}(?:[\p{L}'’-]+\s+){0,3}?(?:${BODY}|${NAME})`,
  'u',
);
const ORDERED_DECISION = new RegExp(
  String.raw`^\s*${DECISION_IMPERATIVE}\b[^.;]{1,60}?\b(?:through|by|via|at|in)\s+${ARTICLE}(?:[\p{L}\d'’-]+\s+){0,3}?(?:vote|ballot|referendum|meeting|assembly|AGM|board|council|committee)\b`,
  'u',
);

// The same decision with the body as subject ("The data protection officer approves the DPIA") or
// named as a noun ("Board sign-off on the strategy", "approval from the ICO").
const OFFICERS = String.raw`(?:officers?|inspectors?|inspectorate|ombudsman|DPO|CISO|CFO|CEO|CTO|COO|TSC|TOC)\b`;
const BODY_DECIDES = new RegExp(
  String.raw`\b(?:${BODY}|${OFFICERS})\s+(?:formally\s+|unanimously\s+)?(?:approves?|ratif(?:y|ies)|signs?\s+off|endorses?|certif(?:y|ies)|accepts?|adopts?|votes?\s+(?:for|to|on))\b` +
  String.raw`|\b(?:${BODY}|${OFFICERS})\s+(?:sign[-\s]?off|approval|ratification|endorsement|go-ahead)\s+(?:on|of|for)\b` +
  String.raw`|\b(?:sign[-\s]?off|approval|ratification|endorsement)\s+(?:by|from)\s+${ARTICLE}(?:[\p{L}'’-]+\s+){0,3}?(?:${BODY}|${OFFICERS}|${NAME})`,
  'iu',
);

// A standing a framework grants, after a verb of reaching or keeping it, with the framework named
// (an acronym or a capitalised name within the next few words): "Achieve FedRAMP Moderate
// authorization", "earn the OpenSSF Best Practices badge". Compliance alone is a claim unless a
// level of the framework is named ("PCI DSS Level 1 compliance"): "Achieve GDPR compliance" names no
// certificate or audit anyone could read.
const REACH = String.raw`\b(?:[Aa]chiev|[Oo]btain|[Ee]arn|[Gg]ain|[Rr]each|[Ss]ecur|[Gg]et|[Bb]ecom|[Rr]emain|[Mm]aintain|[Rr]enew|[Rr]eceiv|[Bb]e\b|[Ii]s\b|[Aa]re\b)[a-z]*\s+(?:(?:an?|the|our|full|fully)\s+)?(?:[\p{L}\d.+-]+\s+){0,3}?`;
const STANDING = new RegExp(
  REACH + String.raw`(?:\p{Lu}[\p{L}\d.+-]*\s+){1,3}(?:[\p{L}\d.+-]+\s+)?(?:certified|certification|certificate|authori[sz]ation|authori[sz]ed|accreditation|accredited|attestation|badge|ATO)\b` +
  String.raw`|` + REACH + String.raw`(?:\p{Lu}[\p{L}\d.+-]*\s+){1,3}(?:Type|Level|Tier)\s+(?:\d|[IVX]{1,3}\b)[^\s]*\s+(?:compliant|compliance|conformance|conformant)\b`,
  'u',
);

// A named level, tier or status reached: "reaches Graduated maturity level", "achieve Gold partner
// status", "move to the Incubating stage". The capital, inside the sentence, says the level is a defined
// name someone grants, not a degree ("reach a high level").
const NAMED_LEVEL = new RegExp(
  String.raw`\b(?:[Rr]each|[Aa]chiev|[Aa]ttain|[Oo]btain|[Ee]arn|[Gg]ain|[Gg]et|[Mm]ov|[Gg]raduat|[Pp]romot|[Aa]dvanc)[a-z]*\s+(?:to\s+|into\s+)?(?:the\s+|an?\s+|our\s+)?(?!(?:Q[1-4]|H[12]|FY\d*)\b)\p{Lu}[\p{L}-]*\s+(?:[\p{L}-]+\s+)?(?:maturity\s+)?(?:level|tier|status|stage)\b`,
  'u',
);

// A grade a named assessment awards: "Achieve Good in the … assessment", "rated 'Outstanding' by …".
const GRADE = new RegExp(
  String.raw`\b(?:[Aa]chiev|[Gg]et|[Rr]eceiv|[Ss]cor|[Rr]at|[Rr]each|[Oo]btain|[Ee]arn|[Mm]aintain|[Rr]etain|[Kk]eep)[a-z]*\s+(?:an?\s+|the\s+)?['"“‘]?\p{Lu}\p{Ll}+['"”’]?\s+(?:rating\s+|grade\s+)?(?:in|on|at|from|for)\s+(?:the|our|its|an?)\s+[^,;.]{0,50}?\b(?:assessments?|inspections?|reviews?|audits?|evaluations?|ratings?|surveys?|scorecards?|checks?|index|benchmarks?)\b`,
  'u',
);

// The state reached, not the task: "X replaces Y", "…, replacing Y" (never the opening "Replace …").
const REPLACES_NAMED = new RegExp(String.raw`(?<=\S\s+)\breplac(?:es|ing)\s+(?:the\s+|our\s+)?${NAME}`, 'u');

// A check done by a named outside party: "Security audit of the contracts completed by Trail of Bits",
// "penetration test carried out by NCC Group". The check is the deliverable and someone else vouches for it.
const CHECK_BY_NAMED = new RegExp(
  String.raw`\b(?:[Aa]udits?|[Aa]ssessments?|[Rr]eviews?|[Pp]en(?:etration)?[-\s][Tt]ests?|[Ii]nspections?|[Ee]valuations?)\b[^.;]{0,60}?\b(?:completed|performed|conducted|carried\s+out|done|delivered)\s+by\s+(?:the\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)${NAME}`,
  'u',
);

// A check named and stated as passed, in either order ("GDS assessment: beta passed").
const PASSED_CHECK = /\b(?:tests?|suites?|assessments?|audits?|inspections?|reviews?|checks?)\b[^.;]{0,30}?\bpassed\b/iu;

// Cheap test before the expressions above: most key results name none of these.
const GATE = /approv|ratif|sign|endorse|go-ahead|accept|adopt|endors|certif|authori|accredit|review|audit|validat|verif|vet|vot|agree|confirm|elect|pass|grant|sanction|clear|green|complian|conform|badge|ATO|replac|assess|inspect|rat|evaluat|pen[-\s]?test|penetration/i;

// A named level's own gate: its words are common, so it does not widen the gate of the others.
const LEVEL_GATE = /level|tier|status|stage/;

export function findVerifiableState(text: string): { text: string; start: number; end: number } | undefined {
  const decided = GATE.test(text);
  const level = LEVEL_GATE.test(text);
  if (!decided && !level) return undefined;
  for (const re of [DECIDED_BY_BODY, ORDERED_DECISION, BODY_DECIDES, STANDING, GRADE, NAMED_LEVEL, REPLACES_NAMED, PASSED_CHECK, CHECK_BY_NAMED]) {
    if (re === NAMED_LEVEL ? !level : !decided) continue;
    const m = re.exec(text);
    if (m) return { text: m[0].trim(), start: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].trimEnd().length };
  }
  return undefined;
}
