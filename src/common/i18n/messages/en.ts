/**
 * Mend's own words in English, as ICU MessageFormat (plurals, selects; numbers, money, lists and
 * units are formatted by render.ts before they reach a message). One flat catalogue per locale:
 * a translator reads every sentence a person may see in one file, in one voice.
 * Taxonomy labels and descriptions are not repeated here: their English lives in
 * src/taxonomy/taxonomy.ts (catalogue.ts adds them under `taxonomy.<vocabulary>.<code>.…`).
 * Keys are stable; add a key to every catalogue at once (test: catalogues.spec.ts).
 */
export const en = {
  // Safety assessment (intake/matching/safety.ts).
  'safety.reason.physical_violence': 'Someone has been physically hurt or threatened.',
  'safety.reason.fear': 'Someone feels afraid of their partner.',
  'safety.reason.coercive_control': 'There are signs of control: monitoring, isolating, or restricting money or contact.',
  'safety.reason.sexual_violence': 'Someone has been forced or pressured into sexual acts.',
  'safety.reason.self_harm_risk': 'Someone may be at risk of harming themselves.',
  'safety.reason.strangulation': 'Someone has been choked or strangled.',
  'safety.reason.weapon_or_threats_to_kill': 'A weapon has been used or threatened, or someone has been threatened with death.',
  'safety.guidance.selfHarm':
    'If anyone is thinking about suicide or self-harm, contact a crisis line now: it is free and confidential, and you do not have to wait until things get worse. In immediate danger, {call}.',
  'safety.guidance.abuse':
    'When there is violence, fear or control in a relationship, couples counseling is not the safe next step: what is said in a joint session can be used against the person at risk afterwards, and abuse is not a shared relationship problem to negotiate. Talk first, privately, with a domestic-violence advocate who can help with a safety plan, and consider individual counseling. Joint work can be reconsidered only once the abuse has stopped and a specialist has assessed it is safe.',
  'safety.guidance.strangulation':
    'Choking or strangulation, even once, is one of the strongest warning signs that a partner may kill. Get medical care soon even if there are no visible marks: injuries to the neck and brain can be hidden and can show hours or days later. Ask a domestic-violence advocate for a danger assessment, so the safety plan fits how serious the risk is.',
  'safety.guidance.weaponOrThreats':
    'A weapon, or threats to kill, are among the strongest warning signs that a partner may kill: take them seriously even if they were said in anger. Ask a domestic-violence advocate for a danger assessment, so the safety plan fits how serious the risk is.',
  'safety.guidance.dangerNow': 'If you are in danger right now, {call}.',
  'safety.guidance.sexualViolence':
    'After a recent sexual assault, medical care is time-sensitive: HIV prevention (PEP) has to start within 72 hours, emergency contraception works for up to 5 days, and a forensic exam (only if you want one) is best done within days. A sexual-assault service, a domestic-violence line or a doctor can explain the options and go through them with you.',
  'safety.guidance.selfHarmWithoutAbuse':
    'Couples work can wait until the crisis has passed; for now, individual support alongside the crisis line is the better start. If a partner threatens suicide to control what you do, that is a warning sign of abuse too: a domestic-violence line can help you think it through.',
  'safety.guidance.nothingReported':
    'Nothing in your answers suggests immediate danger. If you ever feel unsafe, controlled or afraid, or anyone thinks about self-harm, free and confidential crisis and abuse lines can help.',
  'safety.guidance.notAnswered':
    'You did not answer all the safety questions, which is fine. If you or your partner ever feel unsafe, controlled or afraid, or anyone thinks about self-harm, free and confidential crisis and abuse lines can help. If one of you filled this in for both, the other deserves a chance to answer privately, before any joint session.',
  'safety.guidance.inAnEmergency': 'In an emergency, {call}.',
  'safety.guidance.noLinesForCountry':
    'Mend does not list verified lines for {place} yet: findahelpline.com lists free, confidential helplines in many countries.',
  // Lines for the country, but none for abuse (Mexico: Línea de la Vida is a mental-health line): say so rather than imply an advocate is listed.
  'safety.guidance.noAbuseLineForCountry':
    'Mend does not list a verified domestic-violence line for {place} yet: findahelpline.com lists free, confidential helplines in many countries.',
  'safety.guidance.countryAssumed':
    'The lines listed are in the United States; outside the US, findahelpline.com lists free, confidential helplines in many countries.',
  // The three nations' own lines (seeds/data/safety-lines.json, each checked against the service's page; test/safety.e2e-spec.ts ties the numbers to the seeds).
  'safety.guidance.regionAssumed.GB':
    "The lines listed are England's and the UK's. In Scotland, Wales and Northern Ireland, call the nation's own domestic-abuse line, free and open at any hour: Scotland 0800 027 1234, Wales (Live Fear Free) 0808 80 10 800, Northern Ireland 0808 802 1414.",
  // Military families (US): restricted reporting, as Military OneSource describes it (docs/matching.md, "Sources").
  'safety.guidance.restrictedReporting':
    'For military families: a restricted report, made only to a Family Advocacy Program victim advocate or clinician or to a military health-care provider, gives access to advocacy, counseling and medical care without notifying command or law enforcement. It is not an option when someone is at immediate risk of serious harm.',
  // For the person who said they are worried about their own behaviour (aboutMe): addressed to them.
  // Said to the person worried about their own behaviour when a lethality sign was answered yes.
  'safety.guidance.ownBehaviourLethality':
    'You also said there has been choking or strangulation, a weapon, or threats to kill. These are among the strongest warning signs that someone could be killed: act today, not when a program starts. If your partner was choked, they may need medical care even without visible marks. Keep away from weapons, and from your partner when anger builds; if anyone is in danger, {call}.',
  'safety.guidance.ownBehaviour':
    'You said you are worried about how you behave towards your partner. Couples counseling is not where to start: programs for people who want to stop controlling or abusive behaviour work with you on your own, and your partner does not have to take part. If you feel you might hurt someone, step away now; if anyone is in danger, {call}. If it is you who feels afraid or controlled, the domestic-violence lines listed are for you.',

  // Emergency numbers (intake/matching/emergency-numbers.ts).
  'emergency.call': 'call {number}',
  'emergency.callOr': 'call {number} (or {others})',
  'emergency.callUnknown': 'call your local emergency number (911 in the US and Canada, 999 in the UK, 112 in the EU, 000 in Australia)',
  // Inside 'call 112 (or …)': no brackets of its own (review 15, L3).
  'emergency.service.police': '{number} for the police',
  'emergency.cannotSpeak.US': 'In many areas you can text 911 when calling is not safe.',
  'emergency.cannotSpeak.GB':
    'If you cannot speak, call 999 from a mobile, listen, and press 55 when asked: the police will know it is a real emergency (the Silent Solution). It does not tell them where you are, so give your location if you can.',
  'emergency.cannotSpeak.NZ': 'If you cannot speak, call 111, stay silent and press 55 when asked.',
  'emergency.cannotSpeak.FR': 'If you cannot speak or hear, text 114.',

  // The kind of help recommended (safety.ts recommendHelp).
  'recommendation.safety_first.title': 'Safety first: individual support and a domestic-violence advocate',
  'recommendation.safety_first.explanation':
    'Because of what you shared about safety, we are not suggesting couples counseling. Individual counseling and a confidential advocate can help you think through options at your own pace.',
  'recommendation.crisis.title': 'Crisis support first, then individual counseling',
  'recommendation.crisis.explanation':
    'Reach a crisis line first. Alongside it, an individual counselor can help the person who is struggling, on their own terms. Couples work can come later, once the crisis has passed.',
  'recommendation.both.title': 'Couples counseling',
  'recommendation.both.explanation':
    'You are both willing to work on it, which is the best starting point. A couples counselor can help you rebuild trust together — married or not, in person or online.',
  'recommendation.one_hesitant.title': 'Couples counseling, starting gently',
  'recommendation.one_hesitant.explanation':
    'One of you is hesitant about counseling, which is common. A short first consultation, a workshop or a program you work through together at home can be a gentler first step; many counselors offer a free first call.',
  'recommendation.one_leaning_out.title': 'Discernment counseling',
  'recommendation.one_leaning_out.explanation':
    'When one of you is unsure about staying together, short discernment counseling helps each of you get clarity before committing to couples therapy. Individual counseling can also help the partner who is leaning in or out.',
  'recommendation.one_unwilling.title': 'Individual counseling and self-guided work',
  'recommendation.one_unwilling.explanation':
    'Couples counseling needs both partners willing, and you cannot make that choice for your partner. You can still get help for yourself: individual counseling supports you whatever your partner decides, and self-guided programs and family groups can help in the meantime. If your partner would come to a few conversations about whether to stay, discernment counseling is built for that.',
  'recommendation.own_behaviour.title': 'Help to change your own behaviour',
  // The same, when Mend lists no program near the person (nothing is shown separately).
  'recommendation.own_behaviour.explanationNoneListed':
    'Programs for people who want to stop controlling or abusive behaviour are the place to start. Mend does not list one near you: a domestic-violence line can often tell you where to find one. Individual counseling can support that work, but it does not replace it. Couples counseling is not the first step: while a partner may feel afraid or controlled, joint sessions can make things more dangerous for them.',
  'recommendation.own_behaviour.explanation':
    'Programs for people who want to stop controlling or abusive behaviour are the place to start: Mend shows the ones it lists near you separately, and a domestic-violence line can often point you to others. Individual counseling can support that work, but it does not replace it. Couples counseling is not the first step: while a partner may feel afraid or controlled, joint sessions can make things more dangerous for them.',

  // Next steps (intake/matching/next-steps.ts).
  'nextStep.reach_crisis_line': 'Before anything else, contact a crisis line. You do not have to wait until things get worse.',
  'nextStep.you_reach_out':
    'Nobody from these services will contact you unless you reach out: the choice of when, and from which phone, is yours.',
  'nextStep.talk_to_advocate': 'Reach a domestic-violence advocate from a safe phone or device; they can help you make a safety plan.',
  'nextStep.private_device':
    "If your partner may check your phone or browser, look for help on a device they cannot reach (a friend's phone, a library or work computer). A private browsing window hides your history, but not monitoring apps or a shared account.",
  'nextStep.individual_support.abuse':
    'Individual counseling is a safe place to sort out what you want next, without your partner in the room.',
  'nextStep.stay_with_someone': 'If someone may act on thoughts of self-harm, do not leave them alone, and keep the crisis line close.',
  'nextStep.individual_support.selfHarm':
    'An individual counselor can support the person who is struggling; the relationship questions can wait until the crisis has passed.',
  'nextStep.screen_privately':
    'Before any joint session, each of you deserves a chance to answer the safety questions alone; a good couples counselor also asks each partner privately first.',
  'nextStep.no_pressure':
    'Do not decide under pressure. Discernment counseling is not couples therapy: the partner who is unsure does not have to commit to change yet, only to think it through.',
  'nextStep.define_trust':
    'Sit down together and agree on what trust means for each of you — what you expect, and what you will no longer do.',
  'nextStep.no_surveillance':
    "Checking a partner's phone or demanding passwords is a form of control, not protection. If either of you does this or feels watched, talk privately to an abuse line first; otherwise, agree on openness you both choose freely.",
  'nextStep.talk_openly': 'Say what you need plainly and calmly, and listen to the answer without attacking or keeping score.',
  'nextStep.understand_why': 'Try to understand what led to the breach — not to excuse it, but to know what has to change.',
  'nextStep.substance_support.together':
    'Hidden drinking or drug use often needs its own help alongside couples work; family groups support the partner too.',
  'nextStep.substance_support.alone':
    'Hidden drinking or drug use often needs its own help. Family groups such as Al-Anon support you whether or not your partner takes part.',
  'nextStep.gambling_support.together':
    'Gambling usually needs its own help alongside couples work; protect shared money (separate accounts, limits) while you decide together.',
  'nextStep.gambling_support.alone':
    'Gambling usually needs its own help. Groups such as Gam-Anon support you whether or not your partner takes part; protect your own money in the meantime.',
  'nextStep.protect_self_worth': 'Whatever happened, your own worth is not up for negotiation; look after yourself while you decide.',
  'nextStep.end_affair_contact':
    'After an affair, recovery starts once contact with the affair partner has ended, openly rather than in secret; that comes before work on the relationship, whichever of you is reading this.',
  'nextStep.no_big_decisions':
    'In the first weeks, avoid big decisions such as moving out or divorcing. Individual support helps each of you, the partner who was betrayed and the partner who had the affair, alongside any work together.',
  'nextStep.seek_professional_help.noCounselors':
    'Mend does not list counselors who can see you where you are yet. A local health service or your doctor can suggest one; the options listed here can help in the meantime.',
  'nextStep.seek_professional_help.together': 'Contact one or two of the counselors listed here and ask about a first session together.',
  'nextStep.seek_professional_help.alone': 'Contact one of the options listed here; it is fine to start on your own.',
  'nextStep.seek_professional_help.screenFirst':
    'Contact one or two of the counselors listed here and ask how they talk with each of you on your own before any session together.',
  'nextStep.own_behaviour_program':
    'Contact a program for people who want to stop controlling or abusive behaviour. Ask whether it is certified where you live and whether it works with advocates for partners.',
  'nextStep.own_behaviour_pause':
    'When you notice jealousy or anger rising, stop and step away before you check, question or threaten. If you might hurt someone, {call}.',
  'nextStep.own_behaviour_no_pressure':
    'Do not ask your partner to join sessions, to forgive you or to stay while you work on this: their choices are theirs, and respecting them is part of the change.',

  // How the search was widened (intake/matching/constraints.ts, intake.service.ts).
  'relaxation.wider_radius': 'Widened the in-person search from {from} to {to}.',
  'relaxation.online_options.region': 'Added online and phone options that can serve clients in {place}.',
  'relaxation.online_options': 'Added online and phone options.',
  'relaxation.sliding_scale_above_budget.free': 'Included services with sliding-scale fees: ask them about a reduced or waived fee.',
  'relaxation.sliding_scale_above_budget':
    'Included sliding-scale services whose listed minimum is above your budget: ask them about reduced fees.',
  'relaxation.other_languages': 'Included services that do not list {languages}; ask about interpreters.',
  'relaxation.fallback_online_free_self_guided':
    'Nothing met your constraints even after widening the search, so these are online, free and self-guided options anyone can use.',
  'relaxation.no_options_found':
    'Mend does not list counseling that reaches you yet. A local information line (211 in the US and Canada) or the crisis and abuse lines can point you to help near you.',
  'relaxation.no_options_found.elsewhere':
    'Mend does not list counseling that reaches you yet. The crisis and abuse lines, or findahelpline.com, can point you to help near you.',

  // Why a resource fits, and what to check (intake/matching/rank.ts).
  'reason.directory.discernment': 'find a discernment counselor near you through {name}',
  'reason.directory': 'find a therapist near you through {name}',
  'reason.couples_sessions': 'sees both partners together',
  'reason.couples_workshop': 'a structured workshop for couples',
  'reason.self_guided.together': 'something you can start together at home',
  'reason.self_guided.alone': 'something you can start on your own today',
  'reason.discernment_counseling': 'offers discernment counseling, for when one of you is unsure about staying together',
  'reason.individual_support.also': 'also counsels partners individually',
  'reason.individual_support': 'offers individual counseling',
  'reason.family_support': 'support for you as a partner, whatever your partner decides',
  'reason.group_support': 'a group for you on your own, with others in the same situation',
  'reason.domestic_violence_specialist': 'experienced with abuse and coercive control',
  'reason.specialty_match.directory': 'lists therapists who work on {topics}',
  'reason.specialty_match': 'specializes in {topics}',
  'reason.covered_by_plan.medicaid': 'usually no cost to you with Medicaid',
  'reason.covered_by_plan': 'your plan may cover most of the cost: ask about your copay',
  'reason.free': 'free of charge',
  'reason.sliding_scale': 'fees on a sliding scale: ask about a reduced or waived fee',
  'reason.within_budget': 'within your budget of {budget}{periodNote}{slidingNote}',
  'reason.note.fromPerPeriod': ' (from {fee} {period})',
  'reason.note.slidingScale': ' (sliding scale)',
  'reason.insurance_accepted': 'accepts {insurer}',
  'reason.insurance_accepted.employer': 'accepts employer assistance programs',
  'reason.no_insurance_needed': 'no insurance needed',
  'reason.format_match': 'offers {formats} sessions',
  'reason.licensed_in_region': 'licensed to serve clients in {place}',
  'reason.serves_region': 'available in {place}',
  'reason.language_match.directory': 'lists therapists who speak {languages}',
  'reason.language_match': 'sessions in {languages}',
  'reason.approach_match': 'uses {approaches}',
  'reason.audience_match': '{audiences}',
  'reason.distance': '{distance}',
  'reason.availability_match': 'available {times}',
  'reason.accepting_new_clients': 'accepting new clients',
  'reason.accessibility_match': 'meets your access needs: {needs}',
  'caveat.program_fee': 'costs {fee} {period}',
  'caveat.fee_above_budget_sliding_scale.free': 'not free, but fees are on a sliding scale: ask about a reduced fee',
  'caveat.fee_above_budget_sliding_scale': 'fee above your budget of {budget}, but sliding scale available',
  'caveat.fee_unknown': 'fees not published: ask before booking',
  'caveat.not_free': 'not free',
  'caveat.fee_above_budget': 'fee above your budget of {budget}{periodNote}',
  'caveat.insurance_ask': 'takes insurance: ask whether your plan is accepted',
  'caveat.insurance_not_accepted': 'does not list your insurer',
  'caveat.insurance_not_taken': 'does not take insurance',
  'caveat.licensure_unverified.state': 'check that they can serve the state you live in',
  'caveat.licensure_unverified.province': 'check that they can serve the province you live in',
  'caveat.language_not_listed': 'does not list {languages}: ask about an interpreter',
  'caveat.language_not_listed.directory': 'does not say it lists therapists who speak {languages}: search it for ones who do',
  'caveat.material_language': 'in {languages}',
  'caveat.information_not_counseling': 'information and referral by phone or chat, not counseling',
  'caveat.not_listed_lgbtq_affirming': 'not listed as LGBTQ+ affirming',
  'caveat.not_listed_deaf_accessible': 'not listed as accessible in sign language: ask about an interpreter',
  // One per accessibility need not met (rank.ts), saying what the couple can still ask.
  'caveat.not_listed_asl': 'not listed with ASL: ask about an interpreter',
  'caveat.not_listed_asl.interpreters': 'not listed with ASL, but arranges interpreters at no cost: ask for an ASL interpreter',
  'caveat.not_listed_videophone': 'no videophone line listed: ask how to reach them in ASL',
  'caveat.not_listed_tty': 'no TTY line listed: a relay call (711) may still reach them',
  'caveat.not_listed_relay': 'not listed as taking relay calls: ask how to reach them in writing',
  'caveat.not_listed_captioning': 'captioned sessions not listed: ask before booking',
  'caveat.not_listed_text_based': 'not listed as reachable by text or chat',
  'caveat.not_listed_interpreter_on_request': 'no free interpreter listed: ask before booking',
  'caveat.not_listed_wheelchair_access': 'wheelchair access not listed: ask about the entrance and restroom',
  'caveat.waitlist.days': '{days, plural, one {waitlist of about # day} other {waitlist of about # days}}',
  'caveat.waitlist': 'not taking new clients right now',
  'caveat.eligibility_women_only': 'only serves women',
  'caveat.eligibility_men_only': 'only serves men',
  'caveat.eligibility_military_community': 'only for service members, veterans and their families',
  'caveat.eligibility_serving_military_only': 'only for serving members of the military, National Guard and Reserve and their families',
  'caveat.eligibility_young_people_only': 'only for young people',
  'caveat.eligibility_native_american_only': 'only for Native American and Alaska Native people',
  'caveat.eligibility_opposite_sex_couples_only': 'only for couples of a man and a woman',
  'caveat.eligibility_married_couples_only': 'only for married couples (separated ones included)',
  'caveat.not_for_crisis': 'says it is not for people in a crisis',
  'caveat.discernment_only':
    'offers discernment counseling, for when one partner is unsure about staying, rather than ongoing couples counseling',
  'caveat.demo_listing': 'a fictional example listing, not a real service',
  'caveat.details_stale': 'details last checked over a year ago',
  'caveat.details_stale.months':
    '{months, plural, one {details last checked over # month ago} other {details last checked over # months ago}}',

  // Phrases inside reasons: how a format, an audience or a time is said of a resource.
  'phrase.format.in_person': 'in-person',
  'phrase.format.video': 'video',
  'phrase.format.phone': 'phone',
  'phrase.format.chat': 'chat',
  'phrase.audience.unmarried_couples': 'welcomes unmarried couples',
  'phrase.audience.lgbtq_affirming': 'LGBTQ+ affirming',
  'phrase.audience.faith_based': 'rooted in a faith community',
  'phrase.audience.young_people': 'welcomes young people',
  'phrase.audience.veterans': 'experienced with veterans',
  'phrase.audience.military_families': 'experienced with military families',
  'phrase.audience.native_american': 'culturally grounded for Native American and Alaska Native people',
  'phrase.audience.deaf_hard_of_hearing': 'experienced with Deaf and hard-of-hearing clients',
  'phrase.accessibility.asl': 'sessions in ASL',
  'phrase.accessibility.videophone': 'a videophone line',
  'phrase.accessibility.tty': 'a TTY line',
  'phrase.accessibility.relay': 'takes relay calls (711)',
  'phrase.accessibility.captioning': 'captioned video sessions',
  'phrase.accessibility.text_based': 'can be reached by text or chat',
  'phrase.accessibility.interpreter_on_request': 'an interpreter at no cost to you',
  'phrase.accessibility.wheelchair_access': 'wheelchair accessible (step-free entrance, accessible restroom)',
  'phrase.availability.evenings': 'evenings',
  'phrase.availability.weekends': 'weekends',
  'phrase.availability.around_the_clock': 'around the clock',

  // Distances in the reader's unit (render.ts).
  'unit.distance.miles': '{value, plural, one {# mile away} other {# miles away}}',
  'unit.distance.km': '{value} km away',
  'unit.distance.underOne.miles': 'less than 1 mile away',
  'unit.distance.underOne.km': 'less than 1 km away',
  'unit.radius.miles': '{value, plural, one {# mile} other {# miles}}',
  'unit.radius.km': '{value} km',

  // The separate heading for programs for people who use abuse, shown only to a person who said they
  // are worried about their own behaviour (aboutMe), so addressed to them (intake.service.ts).
  'accountability.title': 'For you: programs to stop controlling or abusive behaviour',
  'accountability.demo':
    'Listings marked demo are fictional examples, not real programs: ask a domestic-violence line for programs near you.',
  'accountability.text':
    'These programs work with the person whose behaviour is causing harm, usually in groups over several months. They are not couples counseling, and your partner does not have to take part. Programs that are certified where you live and work with advocates for partners are the better choice. Finishing a program does not by itself mean anyone is safe: what counts is whether your partner feels safe over time. If it is you who feels afraid or controlled, talk first to a domestic-violence line.',

  // Problem titles (RFC 9457 `title`) of the problems people may see through the widget.
  'problem.title.400': 'Bad Request',
  'problem.title.404': 'Not Found',
  'problem.title.503': 'Service Unavailable',
  // Problem details: request validation and the intake and search parameters.
  'problem.validation_failed': 'The request has invalid fields: {fields}.',
  'problem.unknown_parameter': '{field} is not an accepted parameter.',
  'problem.invalid_cursor': 'cursor is not a valid page cursor.',
  'problem.conflicting_place': 'Give either near or postalCode, not both.',
  'problem.near_out_of_range': 'near must have a latitude within ±90 and a longitude within ±180.',
  'problem.unknown_postal_code': 'postalCode {code} is not a known {country} postal code.',
  'problem.postal_country_unsupported': 'postalCode lookup supports US and CA; send near or region instead.',
  'problem.region_country_mismatch': 'region {region} is not in country {country}.',
  'problem.empty_query': 'q has no searchable words.',
  'problem.place_required': 'radiusKm and country need near or postalCode.',
  'problem.sort_needs_q': 'sort=relevance needs q.',
  'problem.sort_needs_place': 'sort=distance needs near or postalCode.',
  'problem.cursor_not_for_sort': 'cursor is not a valid page cursor for this sort order.',
  'problem.cursor_filters_mismatch': 'cursor was made for other filters; start again without a cursor.',
  'problem.directory_not_ready': 'The directory is still loading. Retry shortly.',
  // errors[].message by failed constraint, for locales other than English (English keeps class-validator's own words).
  'validation.unknown_field': '{field} is not an accepted field',
  'validation.isIn': '{field} must be one of: {values}',
  'validation.isEnum': '{field} must be one of: {values}',
  'validation.isArray': '{field} must be a list',
  'validation.arrayMinSize': '{field} must contain at least {limit} elements',
  'validation.arrayMaxSize': '{field} must contain no more than {limit} elements',
  'validation.arrayUnique': "{field}'s elements must be unique",
  'validation.isBoolean': '{field} must be true or false',
  'validation.isObject': '{field} must be an object',
  'validation.isString': '{field} must be a string',
  'validation.isNumber': '{field} must be a number',
  'validation.isInt': '{field} must be a whole number',
  'validation.min': '{field} must not be less than {limit}',
  'validation.max': '{field} must not be greater than {limit}',
  'validation.maxLength': '{field} must be at most {limit} characters long',
  'validation.minLength': '{field} must be at least {limit} characters long',
  'validation.matches': '{field} is not in the expected format',
  'validation.matches.region': '{field} must be an ISO 3166-2 code such as US-OH',
  'validation.matches.near': 'near must be "lat,lng" in decimal degrees',
  'validation.matches.languages': 'each language must be an ISO 639-1 code such as es',
  'validation.invalid': '{field} is not valid',
} as const;

export type MessageId = keyof typeof en;
