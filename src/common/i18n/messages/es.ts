import type { MessageId } from './en.js';

/**
 * Mend's own words in Spanish, for people who may be reading in distress. Written, not translated
 * word for word: plain sentences, no idioms carried over from English.
 * Register: usted to one person, ustedes to the couple (the only plural of address in Latin
 * American and US Spanish), never tú or vosotros. US Spanish-language crisis services (the
 * National Domestic Violence Hotline's Spanish line, government health pages) address callers
 * with usted: respectful to any age and origin, and it does not presume closeness with a stranger
 * in a hard moment. See docs/i18n.md.
 * Vocabulary kept consistent: terapia de pareja, terapia individual, consejería de discernimiento,
 * línea de crisis, persona defensora (advocate), plan de seguridad, escala móvil.
 */
export const es: Record<MessageId, string> & Record<string, string> = {
  'safety.reason.physical_violence': 'Alguien ha sufrido golpes o amenazas de daño físico.',
  'safety.reason.fear': 'Alguien siente miedo de su pareja.',
  'safety.reason.coercive_control': 'Hay señales de control: vigilar, aislar o limitar el dinero o el contacto con otras personas.',
  'safety.reason.sexual_violence': 'A alguien le obligaron o presionaron a tener actos sexuales.',
  'safety.reason.self_harm_risk': 'Alguien podría estar en riesgo de hacerse daño.',
  'safety.reason.strangulation': 'A alguien le han apretado el cuello o le han estrangulado.',
  'safety.reason.weapon_or_threats_to_kill': 'Se ha usado un arma o se ha amenazado con usarla, o alguien ha recibido amenazas de muerte.',
  'safety.guidance.selfHarm':
    'Si alguien está pensando en el suicidio o en hacerse daño, comuníquese ahora con una línea de crisis: es gratuita y confidencial, y no tiene que esperar a que las cosas empeoren. Si hay peligro inmediato, {call}.',
  'safety.guidance.abuse':
    'Cuando en una relación hay violencia, miedo o control, la terapia de pareja no es un paso seguro: lo que se dice en una sesión conjunta puede usarse después en contra de la persona en riesgo, y el abuso no es un problema de pareja que se negocia entre los dos. Hable primero, en privado, con una persona defensora especializada en violencia doméstica que le ayude a hacer un plan de seguridad, y considere la terapia individual. El trabajo en pareja solo puede volver a plantearse cuando el abuso haya terminado y una persona especialista haya evaluado que es seguro.',
  'safety.guidance.strangulation':
    'Que una pareja apriete el cuello o intente estrangular, aunque sea una sola vez, es una de las señales más claras de que puede llegar a matar. Busque atención médica pronto aunque no haya marcas visibles: las lesiones en el cuello y en el cerebro pueden no verse y aparecer horas o días después. Pida a una persona defensora especializada en violencia doméstica una evaluación del peligro, para que el plan de seguridad corresponda a la gravedad del riesgo.',
  'safety.guidance.weaponOrThreats':
    'Un arma, o las amenazas de muerte, están entre las señales más claras de que una pareja puede llegar a matar: tómelas en serio aunque se hayan dicho con enojo. Pida a una persona defensora especializada en violencia doméstica una evaluación del peligro, para que el plan de seguridad corresponda a la gravedad del riesgo.',
  'safety.guidance.dangerNow': 'Si está en peligro en este momento, {call}.',
  'safety.guidance.sexualViolence':
    'Después de una agresión sexual reciente, la atención médica no puede esperar: la prevención del VIH (PEP) debe empezar dentro de las 72 horas, la anticoncepción de emergencia funciona hasta 5 días después, y un examen forense (solo si usted lo desea) conviene hacerlo en los primeros días. Un servicio para víctimas de agresión sexual, una línea de violencia doméstica o un médico pueden explicarle las opciones y acompañarle en cada paso.',
  'safety.guidance.selfHarmWithoutAbuse':
    'El trabajo en pareja puede esperar a que pase la crisis; por ahora, lo mejor es empezar con apoyo individual junto con la línea de crisis. Si su pareja amenaza con suicidarse para controlar lo que usted hace, eso también es una señal de abuso: una línea de violencia doméstica puede ayudarle a pensarlo.',
  'safety.guidance.nothingReported':
    'Nada en sus respuestas indica un peligro inmediato. Si en algún momento se siente en peligro, siente miedo o que alguien le controla, o alguien piensa en hacerse daño, las líneas de crisis y de violencia doméstica son gratuitas y confidenciales, y pueden ayudarle.',
  'safety.guidance.notAnswered':
    'No respondió todas las preguntas de seguridad, y está bien. Si alguna vez usted o su pareja se sienten en peligro, sienten miedo o que alguien les controla, o alguien piensa en hacerse daño, las líneas de crisis y de violencia doméstica son gratuitas y confidenciales, y pueden ayudarles. Si una sola persona llenó esto por los dos, la otra merece la oportunidad de responder en privado antes de cualquier sesión conjunta.',
  'safety.guidance.inAnEmergency': 'En una emergencia, {call}.',
  'safety.guidance.noLinesForCountry':
    'Mend todavía no tiene líneas verificadas para {place}: en findahelpline.com encontrará líneas de ayuda gratuitas y confidenciales en muchos países.',
  'safety.guidance.noAbuseLineForCountry':
    'Mend todavía no tiene una línea verificada contra la violencia de pareja para {place}: en findahelpline.com encontrará líneas de ayuda gratuitas y confidenciales en muchos países.',
  'safety.guidance.countryAssumed':
    'Las líneas que aparecen son de Estados Unidos; si está en otro país, en findahelpline.com encontrará líneas de ayuda gratuitas y confidenciales en muchos países.',
  'safety.guidance.regionAssumed.GB':
    'Las líneas que aparecen son de Inglaterra y de todo el Reino Unido. En Escocia, Gales e Irlanda del Norte, llame a la línea de violencia doméstica de cada nación, gratuita y abierta a cualquier hora: Escocia 0800 027 1234, Gales 0808 80 10 800, Irlanda del Norte 0808 802 1414.',
  'safety.guidance.restrictedReporting':
    'Para familias militares: una denuncia restringida (restricted report), hecha solo ante una persona defensora de víctimas o un profesional clínico del Family Advocacy Program, o ante personal de salud militar, da acceso a apoyo, terapia y atención médica sin que se avise al mando ni a la policía. No es una opción cuando alguien corre un riesgo inmediato de daño grave.',
  'safety.guidance.ownBehaviourLethality':
    'También indicó que ha habido un intento de estrangulamiento, un arma o amenazas de muerte. Son de las señales más claras de que alguien podría morir: actúe hoy, no cuando empiece un programa. Si a su pareja le apretaron el cuello, puede necesitar atención médica aunque no haya marcas visibles. Manténgase lejos de las armas, y de su pareja cuando sienta que crece el enojo; si alguien está en peligro, {call}.',
  'safety.guidance.ownBehaviour':
    'Usted dijo que le preocupa cómo se comporta con su pareja. La terapia de pareja no es el punto de partida: los programas para personas que quieren dejar de controlar o de maltratar trabajan con usted por su cuenta, y su pareja no tiene que participar. Si siente que podría hacerle daño a alguien, aléjese ahora; si alguien está en peligro, {call}. Si es usted quien siente miedo o que alguien le controla, las líneas de violencia doméstica de esta lista son para usted.',

  'emergency.call': 'llame al {number}',
  'emergency.callOr': 'llame al {number} (o al {others})',
  'emergency.callUnknown':
    'llame al número de emergencias de su país (911 en Estados Unidos y Canadá, 999 en el Reino Unido, 112 en la Unión Europea, 000 en Australia)',
  'emergency.service.police': '{number} para la policía',
  'emergency.cannotSpeak.US': 'En muchas zonas puede enviar un mensaje de texto al 911 cuando no es seguro llamar.',
  'emergency.cannotSpeak.GB':
    'Si no puede hablar, llame al 999 desde un móvil, escuche y marque 55 cuando se lo pidan: la policía sabrá que es una emergencia real (el sistema Silent Solution). Esto no les dice dónde está usted, así que, si puede, indique su ubicación.',
  'emergency.cannotSpeak.NZ': 'Si no puede hablar, llame al 111, quédese en silencio y marque 55 cuando se lo pidan.',
  'emergency.cannotSpeak.FR': 'Si no puede hablar ni oír, envíe un mensaje de texto al 114.',

  'recommendation.safety_first.title':
    'Primero su seguridad: apoyo individual y una persona defensora especializada en violencia doméstica',
  'recommendation.safety_first.explanation':
    'Por lo que nos contó sobre su seguridad, no le sugerimos terapia de pareja. La terapia individual y una persona defensora, de forma confidencial, pueden ayudarle a pensar en sus opciones a su propio ritmo.',
  'recommendation.crisis.title': 'Primero, apoyo en la crisis; después, terapia individual',
  'recommendation.crisis.explanation':
    'Comuníquese primero con una línea de crisis. Al mismo tiempo, un terapeuta individual puede ayudar a la persona que está pasando por un momento difícil, a su manera. El trabajo en pareja puede venir más adelante, cuando haya pasado la crisis.',
  'recommendation.both.title': 'Terapia de pareja',
  'recommendation.both.explanation':
    'Los dos están dispuestos a trabajar en la relación, y ese es el mejor punto de partida. Un terapeuta de pareja puede ayudarles a reconstruir la confianza juntos, estén casados o no, en persona o en línea.',
  'recommendation.one_hesitant.title': 'Terapia de pareja, empezando con calma',
  'recommendation.one_hesitant.explanation':
    'Uno de ustedes tiene dudas sobre la terapia, y es algo frecuente. Una primera consulta corta, un taller o un programa que hagan juntos en casa puede ser un primer paso más suave; muchos terapeutas ofrecen una primera llamada gratuita.',
  'recommendation.one_leaning_out.title': 'Consejería de discernimiento',
  'recommendation.one_leaning_out.explanation':
    'Cuando uno de ustedes no está seguro de seguir en la relación, una consejería de discernimiento breve ayuda a cada uno a ver las cosas con claridad antes de comprometerse con una terapia de pareja. La terapia individual también puede ayudar a quien está pensando en quedarse o en irse.',
  'recommendation.one_unwilling.title': 'Terapia individual y trabajo por su cuenta',
  'recommendation.one_unwilling.explanation':
    'La terapia de pareja necesita que los dos quieran participar, y usted no puede decidir por su pareja. Aun así, puede buscar ayuda para usted: la terapia individual le acompaña decida lo que decida su pareja, y mientras tanto pueden ayudarle los programas para hacer por su cuenta y los grupos para familiares. Si su pareja aceptara tener unas pocas conversaciones sobre si seguir juntos, la consejería de discernimiento está pensada para eso.',
  'recommendation.own_behaviour.title': 'Ayuda para cambiar su propio comportamiento',
  'recommendation.own_behaviour.explanationNoneListed':
    'Los programas para personas que quieren dejar de controlar o de maltratar son el punto de partida. Mend no tiene ninguno cerca de usted: una línea de violencia doméstica a menudo puede indicarle dónde encontrarlo. La terapia individual puede apoyar ese trabajo, pero no lo reemplaza. La terapia de pareja no es el primer paso: mientras su pareja pueda sentir miedo o sentirse controlada, las sesiones conjuntas pueden ponerla en más peligro.',
  'recommendation.own_behaviour.explanation':
    'Los programas para personas que quieren dejar de controlar o de maltratar son el punto de partida: Mend muestra aparte los que tiene cerca de usted, y una línea de violencia doméstica a menudo puede indicarle otros. La terapia individual puede apoyar ese trabajo, pero no lo reemplaza. La terapia de pareja no es el primer paso: mientras su pareja pueda sentir miedo o sentirse controlada, las sesiones conjuntas pueden ponerla en más peligro.',

  'nextStep.reach_crisis_line': 'Antes que nada, comuníquese con una línea de crisis. No tiene que esperar a que las cosas empeoren.',
  'nextStep.you_reach_out':
    'Ninguno de estos servicios se comunicará con usted a menos que usted los busque: usted decide cuándo y desde qué teléfono.',
  'nextStep.talk_to_advocate':
    'Comuníquese con una persona defensora especializada en violencia doméstica desde un teléfono o dispositivo seguro; puede ayudarle a hacer un plan de seguridad.',
  'nextStep.private_device':
    'Si su pareja puede revisar su teléfono o su navegador, busque ayuda desde un dispositivo al que no tenga acceso (el teléfono de una amistad, una computadora de la biblioteca o del trabajo). Una ventana de navegación privada oculta su historial, pero no las aplicaciones de vigilancia ni una cuenta compartida.',
  'nextStep.individual_support.abuse':
    'La terapia individual es un lugar seguro para aclarar qué quiere hacer ahora, sin su pareja en la sala.',
  'nextStep.stay_with_someone':
    'Si alguien podría actuar según sus pensamientos de hacerse daño, no deje sola a esa persona y tenga a mano la línea de crisis.',
  'nextStep.individual_support.selfHarm':
    'Un terapeuta individual puede apoyar a la persona que está pasando por un momento difícil; las preguntas sobre la relación pueden esperar a que pase la crisis.',
  'nextStep.screen_privately':
    'Antes de cualquier sesión conjunta, cada uno merece la oportunidad de responder a solas las preguntas de seguridad; un buen terapeuta de pareja también habla primero en privado con cada uno.',
  'nextStep.no_pressure':
    'No decidan bajo presión. La consejería de discernimiento no es terapia de pareja: quien tiene dudas no tiene que comprometerse todavía a cambiar, solo a pensarlo con calma.',
  'nextStep.define_trust':
    'Siéntense juntos y pónganse de acuerdo sobre qué significa la confianza para cada uno: qué esperan y qué no van a volver a hacer.',
  'nextStep.no_surveillance':
    'Revisar el teléfono de la pareja o exigirle sus contraseñas es una forma de control, no de protección. Si alguno de ustedes lo hace o siente que le vigilan, hable primero en privado con una línea de violencia doméstica; si no es el caso, acuerden juntos la transparencia que los dos elijan con libertad.',
  'nextStep.talk_openly': 'Digan lo que necesitan con claridad y con calma, y escuchen la respuesta sin atacar ni llevar la cuenta.',
  'nextStep.understand_why':
    'Intenten entender qué llevó a romper la confianza; no para justificarlo, sino para saber qué tiene que cambiar.',
  'nextStep.substance_support.together':
    'El consumo oculto de alcohol o drogas suele necesitar su propia ayuda, además de la terapia de pareja; los grupos para familiares también apoyan a la pareja.',
  'nextStep.substance_support.alone':
    'El consumo oculto de alcohol o drogas suele necesitar su propia ayuda. Los grupos para familiares, como Al-Anon, le apoyan a usted participe o no su pareja.',
  'nextStep.gambling_support.together':
    'Los problemas con las apuestas o los juegos de azar suelen necesitar su propia ayuda, además de la terapia de pareja; protejan el dinero que comparten (cuentas separadas, límites) mientras deciden juntos.',
  'nextStep.gambling_support.alone':
    'Los problemas con las apuestas o los juegos de azar suelen necesitar su propia ayuda. Grupos como Gam-Anon le apoyan a usted participe o no su pareja; mientras tanto, proteja su propio dinero.',
  'nextStep.protect_self_worth': 'Pase lo que haya pasado, su propio valor no está en discusión; cuídese mientras decide.',
  'nextStep.end_affair_contact':
    'Después de una infidelidad, la recuperación empieza cuando se termina el contacto con la otra persona, de forma abierta y no a escondidas; eso va antes que el trabajo en la relación, sea usted quien tuvo la relación o quien la descubrió.',
  'nextStep.no_big_decisions':
    'En las primeras semanas, eviten tomar grandes decisiones, como irse de la casa o divorciarse. El apoyo individual ayuda a cada uno, a quien sufrió la traición y a quien fue infiel, junto con cualquier trabajo en pareja.',
  'nextStep.seek_professional_help.noCounselors':
    'Mend todavía no tiene terapeutas que puedan atenderles donde están. Un servicio de salud local o su médico pueden recomendarles uno; mientras tanto, las opciones de esta lista pueden ayudarles.',
  'nextStep.seek_professional_help.together':
    'Comuníquense con uno o dos de los terapeutas de esta lista y pregunten por una primera sesión juntos.',
  'nextStep.seek_professional_help.alone': 'Comuníquese con alguna de las opciones de esta lista; está bien empezar por su cuenta.',
  'nextStep.seek_professional_help.screenFirst':
    'Comuníquense con uno o dos de los terapeutas de esta lista y pregunten cómo hablan con cada uno por separado antes de cualquier sesión juntos.',
  'nextStep.own_behaviour_program':
    'Comuníquese con un programa para personas que quieren dejar de controlar o de maltratar. Pregunte si está certificado donde usted vive y si trabaja con personas defensoras de las parejas.',
  'nextStep.own_behaviour_pause':
    'Cuando note que los celos o el enojo aumentan, deténgase y aléjese antes de revisar, interrogar o amenazar. Si cree que podría hacerle daño a alguien, {call}.',
  'nextStep.own_behaviour_no_pressure':
    'No le pida a su pareja que vaya a las sesiones, que le dé su perdón ni que se quede mientras usted trabaja en esto: sus decisiones son suyas, y respetarlas es parte del cambio.',

  'relaxation.wider_radius': 'Ampliamos la búsqueda de atención en persona de {from} a {to}.',
  'relaxation.online_options.region': 'Agregamos opciones en línea y por teléfono que pueden atender a personas en {place}.',
  'relaxation.online_options': 'Agregamos opciones en línea y por teléfono.',
  'relaxation.sliding_scale_above_budget.free':
    'Incluimos servicios con tarifas de escala móvil (según ingresos): pregúnteles por una tarifa reducida o sin costo.',
  'relaxation.sliding_scale_above_budget':
    'Incluimos servicios de escala móvil cuya tarifa mínima publicada supera su presupuesto: pregúnteles por tarifas reducidas.',
  'relaxation.other_languages': 'Incluimos servicios que no indican {languages}; pregunte si ofrecen intérprete.',
  'relaxation.fallback_online_free_self_guided':
    'Ninguna opción cumplía con todo lo que pidió, incluso después de ampliar la búsqueda; por eso le mostramos opciones en línea, gratuitas y para hacer por su cuenta, que cualquier persona puede usar.',
  'relaxation.no_options_found':
    'Mend todavía no tiene servicios de terapia que lleguen a donde usted está. Una línea local de información (el 211 en Estados Unidos y Canadá) o las líneas de crisis y de violencia doméstica pueden orientarle hacia ayuda cercana.',
  'relaxation.no_options_found.elsewhere':
    'Mend todavía no tiene servicios de terapia que lleguen a donde usted está. Las líneas de crisis y de violencia doméstica, o findahelpline.com, pueden orientarle hacia ayuda cercana.',

  'reason.directory.discernment': 'encuentre un consejero de discernimiento cerca de usted a través de {name}',
  'reason.directory': 'encuentre un terapeuta cerca de usted a través de {name}',
  'reason.couples_sessions': 'atiende a los dos miembros de la pareja juntos',
  'reason.couples_workshop': 'un taller estructurado para parejas',
  'reason.self_guided.together': 'algo que pueden empezar juntos en casa',
  'reason.self_guided.alone': 'algo que puede empezar hoy por su cuenta',
  'reason.discernment_counseling': 'ofrece consejería de discernimiento, para cuando uno de ustedes no está seguro de seguir juntos',
  'reason.individual_support.also': 'también atiende a cada miembro de la pareja por separado',
  'reason.individual_support': 'ofrece terapia individual',
  'reason.family_support': 'apoyo para usted como pareja, decida lo que decida la otra persona',
  'reason.group_support': 'un grupo para usted, con otras personas que pasan por lo mismo',
  'reason.domestic_violence_specialist': 'con experiencia en abuso y control coercitivo',
  'reason.specialty_match.directory': 'incluye terapeutas que trabajan en {topics}',
  'reason.specialty_match': 'se especializa en {topics}',
  'reason.covered_by_plan.medicaid': 'normalmente sin costo para usted con Medicaid',
  'reason.covered_by_plan': 'su plan podría cubrir la mayor parte del costo: pregunte por su copago',
  'reason.free': 'gratuito',
  'reason.sliding_scale': 'tarifas de escala móvil (según ingresos): pregunte por una tarifa reducida o sin costo',
  'reason.within_budget': 'dentro de su presupuesto de {budget}{periodNote}{slidingNote}',
  'reason.note.fromPerPeriod': ' (desde {fee} {period})',
  'reason.note.slidingScale': ' (escala móvil)',
  'reason.insurance_accepted': 'acepta {insurer}',
  'reason.insurance_accepted.employer': 'acepta programas de asistencia al empleado',
  'reason.no_insurance_needed': 'no necesita seguro médico',
  'reason.format_match': 'ofrece sesiones {formats}',
  'reason.licensed_in_region': 'con licencia para atender a personas en {place}',
  'reason.serves_region': 'disponible en {place}',
  'reason.language_match.directory': 'incluye terapeutas que hablan {languages}',
  'reason.language_match': 'sesiones en {languages}',
  'reason.approach_match': 'enfoque: {approaches}',
  'reason.audience_match': '{audiences}',
  'reason.distance': '{distance}',
  'reason.availability_match': 'disponible {times}',
  'reason.accepting_new_clients': 'acepta nuevos clientes',
  'reason.accessibility_match': 'responde a sus necesidades de accesibilidad: {needs}',
  'caveat.program_fee': 'cuesta {fee} {period}',
  'caveat.fee_above_budget_sliding_scale.free': 'no es gratuito, pero tiene tarifas de escala móvil: pregunte por una tarifa reducida',
  'caveat.fee_above_budget_sliding_scale': 'la tarifa supera su presupuesto de {budget}, pero tiene escala móvil',
  'caveat.fee_unknown': 'no publica sus tarifas: pregunte antes de reservar',
  'caveat.not_free': 'no es gratuito',
  'caveat.fee_above_budget': 'la tarifa supera su presupuesto de {budget}{periodNote}',
  'caveat.insurance_ask': 'acepta seguros médicos: pregunte si aceptan su plan',
  'caveat.insurance_not_accepted': 'no incluye a su aseguradora en su lista',
  'caveat.insurance_not_taken': 'no acepta seguros médicos',
  'caveat.licensure_unverified.state': 'confirme que puede atender a personas del estado donde usted vive',
  'caveat.licensure_unverified.province': 'confirme que puede atender a personas de la provincia donde usted vive',
  'caveat.language_not_listed': 'no indica {languages}: pregunte si ofrecen intérprete',
  'caveat.language_not_listed.directory':
    'no indica si incluye terapeutas que hablen {languages}: busque terapeutas que hablen {languages}',
  'caveat.material_language': 'en {languages}',
  'caveat.information_not_counseling': 'información y referidos por teléfono o chat, no terapia',
  'caveat.not_listed_lgbtq_affirming': 'no indica que apoye y afirme a las personas LGBTQ+',
  'caveat.not_listed_deaf_accessible': 'no indica atención en lengua de señas: pregunte si ofrecen intérprete',
  'caveat.not_listed_asl': 'no indica atención en lengua de señas americana (ASL): pregunte si ofrecen intérprete',
  'caveat.not_listed_asl.interpreters':
    'no indica atención en lengua de señas americana (ASL), pero ofrece intérpretes sin costo: pida un intérprete de ASL',
  'caveat.not_listed_videophone': 'no indica una línea de videoteléfono: pregunte cómo comunicarse en ASL',
  'caveat.not_listed_tty': 'no indica una línea TTY: una llamada por el servicio de retransmisión (711) quizá sí llegue',
  'caveat.not_listed_relay': 'no indica que acepte llamadas por retransmisión: pregunte cómo comunicarse por escrito',
  'caveat.not_listed_captioning': 'no indica sesiones con subtítulos: pregunte antes de reservar',
  'caveat.not_listed_text_based': 'no indica que se pueda comunicar por mensaje de texto o chat',
  'caveat.not_listed_interpreter_on_request': 'no indica intérpretes sin costo: pregunte antes de reservar',
  'caveat.not_listed_wheelchair_access': 'no indica acceso para silla de ruedas: pregunte por la entrada y el baño',
  'caveat.waitlist.days':
    '{days, plural, one {lista de espera de aproximadamente # día} other {lista de espera de aproximadamente # días}}',
  'caveat.waitlist': 'no está aceptando nuevos clientes en este momento',
  'caveat.eligibility_women_only': 'solo atiende a mujeres',
  'caveat.eligibility_men_only': 'solo atiende a hombres',
  'caveat.eligibility_military_community': 'solo para militares en servicio, veteranos y sus familias',
  'caveat.eligibility_serving_military_only':
    'solo para militares en servicio activo, de la Guardia Nacional y de la Reserva, y sus familias',
  'caveat.eligibility_young_people_only': 'solo para personas jóvenes',
  'caveat.eligibility_native_american_only': 'solo para personas nativas americanas y de Alaska',
  'caveat.eligibility_opposite_sex_couples_only': 'solo para parejas de un hombre y una mujer',
  'caveat.eligibility_married_couples_only': 'solo para parejas casadas (también las separadas)',
  'caveat.not_for_crisis': 'indica que no es para personas en crisis',
  'caveat.discernment_only':
    'ofrece consejería de discernimiento, para cuando uno de los dos duda si seguir en la relación, no terapia de pareja continua',
  'caveat.demo_listing': 'un ejemplo ficticio, no un servicio real',
  'caveat.details_stale': 'datos comprobados por última vez hace más de un año',
  'caveat.details_stale.months':
    '{months, plural, one {datos comprobados por última vez hace más de # mes} other {datos comprobados por última vez hace más de # meses}}',

  'phrase.format.in_person': 'en persona',
  'phrase.format.video': 'por video',
  'phrase.format.phone': 'por teléfono',
  'phrase.format.chat': 'por chat',
  'phrase.audience.unmarried_couples': 'recibe a parejas no casadas',
  'phrase.audience.lgbtq_affirming': 'apoya y afirma a las personas LGBTQ+',
  'phrase.audience.faith_based': 'arraigado en una comunidad de fe',
  'phrase.audience.young_people': 'recibe a personas jóvenes',
  'phrase.audience.veterans': 'con experiencia con veteranos',
  'phrase.audience.military_families': 'con experiencia con familias de militares',
  'phrase.audience.native_american': 'con raíces culturales en los pueblos nativos americanos y de Alaska',
  'phrase.audience.deaf_hard_of_hearing': 'con experiencia con personas sordas o con pérdida auditiva',
  'phrase.accessibility.asl': 'sesiones en lengua de señas americana (ASL)',
  'phrase.accessibility.videophone': 'una línea de videoteléfono',
  'phrase.accessibility.tty': 'una línea TTY',
  'phrase.accessibility.relay': 'acepta llamadas por retransmisión (711)',
  'phrase.accessibility.captioning': 'sesiones por video con subtítulos',
  'phrase.accessibility.text_based': 'se puede comunicar por mensaje de texto o chat',
  'phrase.accessibility.interpreter_on_request': 'intérprete sin costo para usted',
  'phrase.accessibility.wheelchair_access': 'accesible en silla de ruedas (entrada sin escalones y baño accesible)',
  'phrase.availability.evenings': 'por las tardes y noches',
  'phrase.availability.weekends': 'los fines de semana',
  'phrase.availability.around_the_clock': 'las 24 horas, todos los días',

  'unit.distance.miles': '{value, plural, one {a # milla de distancia} other {a # millas de distancia}}',
  'unit.distance.km': 'a {value} km de distancia',
  'unit.distance.underOne.miles': 'a menos de 1 milla de distancia',
  'unit.distance.underOne.km': 'a menos de 1 km de distancia',
  'unit.radius.miles': '{value, plural, one {# milla} other {# millas}}',
  'unit.radius.km': '{value} km',

  'accountability.title': 'Para usted: programas para dejar de controlar o de maltratar',
  'accountability.demo':
    'Los listados marcados como demo son ejemplos ficticios, no programas reales: pida a una línea de violencia doméstica programas cerca de usted.',
  'accountability.text':
    'Estos programas trabajan con la persona cuyo comportamiento está causando daño, por lo general en grupos durante varios meses. No son terapia de pareja, y su pareja no tiene que participar. Es mejor elegir programas certificados donde usted vive que trabajen con personas defensoras de las parejas. Terminar un programa no significa por sí solo que alguien esté a salvo: lo que cuenta es si su pareja se siente segura con el tiempo. Si es usted quien siente miedo o que alguien le controla, hable primero con una línea de violencia doméstica.',

  'problem.title.400': 'Solicitud incorrecta',
  'problem.title.404': 'No encontrado',
  'problem.title.503': 'Servicio no disponible',
  'problem.validation_failed': 'La solicitud tiene campos no válidos: {fields}.',
  'problem.unknown_parameter': '{field} no es un parámetro aceptado.',
  'problem.invalid_cursor': 'cursor no es un cursor de página válido.',
  'problem.conflicting_place': 'Indique near o postalCode, no los dos.',
  'problem.near_out_of_range': 'near debe tener una latitud entre -90 y 90 y una longitud entre -180 y 180.',
  'problem.unknown_postal_code': 'postalCode {code} no es un código postal conocido de {country}.',
  'problem.postal_country_unsupported': 'La búsqueda por postalCode funciona para US y CA; envíe near o region en su lugar.',
  'problem.region_country_mismatch': 'La región {region} no está en el país {country}.',
  'problem.empty_query': 'q no tiene palabras que se puedan buscar.',
  'problem.place_required': 'radiusKm y country necesitan near o postalCode.',
  'problem.sort_needs_q': 'sort=relevance necesita q.',
  'problem.sort_needs_place': 'sort=distance necesita near o postalCode.',
  'problem.cursor_not_for_sort': 'cursor no es un cursor de página válido para este orden.',
  'problem.cursor_filters_mismatch': 'cursor se creó para otros filtros; empiece de nuevo sin cursor.',
  'problem.directory_not_ready': 'El directorio todavía se está cargando. Vuelva a intentarlo en unos segundos.',
  'validation.unknown_field': '{field} no es un campo aceptado',
  'validation.isIn': '{field} debe ser uno de estos valores: {values}',
  'validation.isEnum': '{field} debe ser uno de estos valores: {values}',
  'validation.isArray': '{field} debe ser una lista',
  'validation.arrayMinSize': '{field} debe tener al menos {limit} elementos',
  'validation.arrayMaxSize': '{field} no puede tener más de {limit} elementos',
  'validation.arrayUnique': '{field} no puede tener elementos repetidos',
  'validation.isBoolean': '{field} debe ser true o false',
  'validation.isObject': '{field} debe ser un objeto',
  'validation.isString': '{field} debe ser un texto',
  'validation.isNumber': '{field} debe ser un número',
  'validation.isInt': '{field} debe ser un número entero',
  'validation.min': '{field} no puede ser menor que {limit}',
  'validation.max': '{field} no puede ser mayor que {limit}',
  'validation.maxLength': '{field} no puede tener más de {limit} caracteres',
  'validation.minLength': '{field} debe tener al menos {limit} caracteres',
  'validation.matches': '{field} no tiene el formato esperado',
  'validation.matches.region': '{field} debe ser un código ISO 3166-2, por ejemplo US-OH',
  'validation.matches.near': 'near debe tener la forma "lat,lng" en grados decimales',
  'validation.matches.languages': 'cada idioma debe ser un código ISO 639-1, por ejemplo es',
  'validation.invalid': '{field} no es válido',

  // Taxonomy (English in src/taxonomy/taxonomy.ts).
  ...taxonomy({
    kind: {
      practice: ['Consulta privada', 'Un terapeuta o una consulta de grupo de su zona.'],
      clinic: [
        'Clínica',
        'Un centro comunitario de salud mental o una clínica universitaria de formación, a menudo con tarifas reducidas.',
      ],
      online_service: ['Servicio en línea', 'Terapia por video, teléfono o chat con profesionales con licencia.'],
      workshop: ['Taller o programa intensivo', 'Talleres de fin de semana, programas intensivos y retiros para parejas.'],
      self_guided: ['Programa para hacer por su cuenta', 'Cursos, aplicaciones y libros que una pareja puede trabajar por su cuenta.'],
      support_group: ['Grupo de apoyo', 'Grupos y ministerios guiados por personas con experiencia propia.'],
      hotline: ['Línea de ayuda', 'Líneas de crisis, de prevención del suicidio y de violencia doméstica.'],
      directory: [
        'Directorio de terapeutas',
        'Un buscador o una red de referidos que incluye terapeutas; la ayuda la dan los terapeutas de la lista, no el directorio.',
      ],
    },
    format: {
      in_person: ['En persona', 'Sesiones en un consultorio u otro lugar.'],
      video: ['Video', 'Sesiones en vivo por video.'],
      phone: ['Teléfono', 'Sesiones o apoyo en vivo por teléfono.'],
      chat: ['Chat o mensajes de texto', 'Chat en vivo, mensajes de texto o mensajes que se responden más tarde.'],
    },
    specialty: {
      infidelity: ['Recuperación tras una infidelidad', 'Sanar después de una aventura o de una infidelidad emocional.'],
      trust_rebuilding: ['Reconstrucción de la confianza', 'Reparar la confianza después de mentiras, secretos o acuerdos rotos.'],
      communication: ['Comunicación', 'Hablar de necesidades y conflictos sin atacar ni cerrarse.'],
      financial_conflict: ['Conflictos por el dinero', 'Gastos ocultos, deudas y desacuerdos sobre el dinero.'],
      substance_use: ['Consumo de sustancias', 'Consumo oculto de alcohol o drogas y su efecto en la relación.'],
      gambling: ['Apuestas o juegos de azar', 'Juegos de azar o apuestas, pérdidas y deudas ocultas, para quien juega y para su familia.'],
      jealousy_control: ['Celos y control', 'Revisar el teléfono, exigir contraseñas, posesividad.'],
      premarital: ['Prematrimonial', 'Prepararse para el matrimonio o para un compromiso a largo plazo.'],
      separation_divorce: ['Separación y divorcio', 'Decidir si seguir juntos, o separarse de la mejor manera.'],
      intimacy: ['Intimidad y sexualidad', 'Intimidad sexual y emocional.'],
      domestic_violence: ['Violencia doméstica', 'Apoyo y acompañamiento para personas que sufren abuso o control coercitivo.'],
      individual_support: ['Apoyo individual', 'Terapia para uno de los miembros de la pareja por separado.'],
      crisis_support: ['Apoyo en crisis', 'Ayuda inmediata en una crisis suicida o emocional.'],
    },
    approach: {
      gottman: [
        'Método Gottman',
        'Terapia de pareja basada en la investigación, centrada en la amistad, el manejo de los conflictos y el sentido compartido.',
      ],
      eft: ['Terapia centrada en las emociones', 'Terapia de pareja basada en el apego (EFT, por sus siglas en inglés).'],
      imago: ['Terapia de pareja Imago', 'Diálogo estructurado que relaciona el conflicto de hoy con experiencias anteriores.'],
      cbt: ['Terapia cognitivo-conductual', 'Cambiar pensamientos y patrones de conducta que no ayudan.'],
      discernment_counseling: [
        'Consejería de discernimiento',
        'Un trabajo breve para parejas en las que uno de los dos está pensando en dejar la relación.',
      ],
      solution_focused: ['Centrada en soluciones', 'Terapia breve enfocada en las metas y en lo que ya funciona.'],
      faith_based: ['Basada en la fe', 'Consejería que se apoya en una tradición religiosa.'],
      peer_support: ['Apoyo entre pares', 'Ayuda de voluntarios capacitados o de parejas que han vivido algo parecido.'],
      psychoeducation: ['Psicoeducación', 'Enseñanza estructurada de habilidades para la relación.'],
    },
    audience: {
      unmarried_couples: [
        'Parejas no casadas',
        'Son bienvenidas las parejas que salen juntas, que viven juntas o que están comprometidas.',
      ],
      lgbtq_affirming: ['Afirmativo LGBTQ+', 'Apoya y afirma a las personas lesbianas, gais, bisexuales, transgénero y queer.'],
      faith_based: ['Comunidades de fe', 'Arraigado en una comunidad de fe.'],
      young_people: ['Personas jóvenes', 'Adolescentes y adultos jóvenes.'],
      veterans: ['Veteranos', 'Personas que han servido en las fuerzas armadas, y sus parejas.'],
      military_families: [
        'Familias de militares en servicio',
        'Militares en servicio activo, de la Guardia Nacional y de la Reserva, y sus parejas y familias.',
      ],
      native_american: [
        'Nativos americanos y de Alaska',
        'Ayuda con raíces culturales para personas nativas americanas, nativas de Alaska e indígenas.',
      ],
      deaf_hard_of_hearing: [
        'Personas sordas o con pérdida auditiva',
        'Con experiencia con personas sordas o con pérdida auditiva y con la cultura sorda. Las formas de comunicarse (ASL, videoteléfono, TTY, retransmisión, subtítulos) están en accesibilidad.',
      ],
    },
    accessibility: {
      asl: [
        'Lengua de señas americana (ASL)',
        'Sesiones o personal de la línea en ASL, con profesionales o personas defensoras que usan la lengua de señas o con un intérprete de ASL que el servicio organiza sin costo para la persona.',
      ],
      videophone: [
        'Videoteléfono (VP)',
        'Una línea de videoteléfono o una videollamada desde una página web, atendida en lengua de señas (ASL en Estados Unidos), indicada como canal de contacto.',
      ],
      tty: ['TTY', 'Un número TTY (teléfono de texto) para personas sordas, con pérdida auditiva o con dificultades del habla.'],
      relay: [
        'Llamadas por retransmisión (711)',
        'Acepta llamadas por un servicio de retransmisión de telecomunicaciones (el 711 en Estados Unidos), por texto o por video.',
      ],
      captioning: ['Sesiones por video con subtítulos', 'Subtítulos en vivo durante toda la sesión por video.'],
      text_based: [
        'Sin necesidad de hablar',
        'Se puede usar todo por escrito: mensajes de texto, chat en línea o sesiones por mensajes, en lugar de una llamada de voz.',
      ],
      interpreter_on_request: [
        'Intérprete si lo solicita',
        'Un intérprete de lengua hablada o de lengua de señas que el servicio organiza sin costo para la persona.',
      ],
      wheelchair_access: [
        'Accesible en silla de ruedas',
        'Una entrada sin escalones y un baño accesible en el lugar donde se hacen las sesiones.',
      ],
    },
    eligibility: {
      people_who_use_abuse: [
        'Para personas que ejercen abuso',
        'Programas de responsabilidad o de intervención para la persona que causa el daño; nunca un recurso para la persona en riesgo.',
      ],
      military_community: ['Solo comunidad militar', 'Solo para militares en servicio, veteranos y sus familias.'],
      serving_military_only: [
        'Solo familias de militares en servicio',
        'Solo para militares en servicio activo, de la Guardia Nacional y de la Reserva, y sus familias (algunos también por un tiempo después de dejar el servicio); no para veteranos como tales.',
      ],
      women_only: ['Solo mujeres', 'Solo atiende a mujeres.'],
      men_only: ['Solo hombres', 'Solo atiende a hombres.'],
      young_people_only: ['Solo personas jóvenes', 'Solo para adolescentes y adultos jóvenes.'],
      native_american_only: [
        'Solo personas nativas americanas y de Alaska',
        'Solo para personas nativas americanas, nativas de Alaska e indígenas.',
      ],
      opposite_sex_couples_only: [
        'Solo parejas de hombre y mujer',
        'Define el matrimonio o la pareja como la unión de un hombre y una mujer; no se ofrece a parejas que piden atención afirmativa LGBTQ+.',
      ],
      married_couples_only: [
        'Solo parejas casadas',
        'Solo para parejas casadas (también las separadas); no se ofrece a parejas que dijeron no estar casadas o estar comprometidas.',
      ],
    },
    lineRole: {
      crisis: [
        'Línea de crisis y prevención del suicidio',
        'Apoyo inmediato para cualquier persona que piense en el suicidio o esté en una crisis emocional.',
      ],
      domestic_violence: [
        'Línea de violencia doméstica',
        'Personas defensoras para quienes sufren abuso o control coercitivo: planes de seguridad y referidos a refugios.',
      ],
      sexual_assault: ['Línea de agresión sexual', 'Apoyo después de una violación o una agresión sexual.'],
      substance_use: ['Línea de ayuda por consumo de sustancias', 'Información y referidos a tratamiento por consumo de alcohol o drogas.'],
      gambling: ['Línea de ayuda por problemas de juego', 'Apoyo ante problemas con el juego, para quien juega y para su familia.'],
      information_referral: ['Información y referidos', 'Servicios locales de salud y servicios sociales (211).'],
      family_support: [
        'Línea de apoyo para familiares',
        'Apoyo para la pareja y la familia de alguien que está pasando por un momento difícil.',
      ],
    },
    contactChannel: {
      call: ['Llamada', 'Una llamada de voz.'],
      text: ['Mensaje de texto', 'Mensajes de texto SMS (envíe la palabra clave al número).'],
      chat: ['Chat en línea', 'Chat en vivo en el sitio web del servicio.'],
      tty: ['TTY', 'Línea de teletipo para personas sordas o con pérdida auditiva.'],
      videophone: [
        'Videoteléfono (lengua de señas)',
        'Videollamada en lengua de señas (ASL en Estados Unidos): un número para marcar desde un videoteléfono o una página https con un botón de videollamada.',
      ],
      relay: ['Servicio de retransmisión', 'Servicio de retransmisión de telecomunicaciones (por ejemplo, el 711 en Estados Unidos).'],
    },
    credential: {
      gottman_certified: ['Terapeuta Gottman certificado', 'Completó la certificación del Gottman Institute.'],
      iceeft_certified: [
        'Terapeuta EFT certificado por ICEEFT',
        'Certificado por el ICEEFT, el centro internacional de referencia en EFT.',
      ],
      aamft_clinical_fellow: ['AAMFT Clinical Fellow', 'Terapeuta matrimonial y familiar sujeto al código de ética de la AAMFT.'],
      csat: ['CSAT', 'Terapeuta certificado en adicción sexual.'],
      aasect: [
        'Terapeuta sexual certificado por AASECT',
        'Certificado por la AASECT, la asociación estadounidense de educadores, consejeros y terapeutas en sexualidad.',
      ],
      apsats: ['APSATS / CPTT', 'Formado para apoyar a parejas traicionadas por una adicción sexual o una infidelidad.'],
      licensed_clinician: ['Profesional clínico con licencia', 'LMFT, LPC, LCSW, psicólogo o una licencia equivalente.'],
      supervised_trainee: [
        'Profesional en formación supervisado',
        'Estudiante de posgrado que atiende bajo la supervisión de un profesional con licencia.',
      ],
      trained_advocate: ['Persona defensora capacitada', 'Consejero de crisis o persona defensora especializada en violencia doméstica.'],
    },
    payment: {
      insurance: ['Seguro médico privado', 'Factura a seguros médicos privados.'],
      medicaid: ['Medicaid', 'Acepta Medicaid.'],
      medicare: ['Medicare', 'Acepta Medicare.'],
      sliding_scale: ['Escala móvil', 'Tarifas ajustadas a los ingresos.'],
      free: ['Gratuito', 'Sin costo para la pareja.'],
      cash: ['Pago directo', 'Efectivo, tarjeta u otra forma de pago directo.'],
      eap: ['Programa de asistencia al empleado', 'Sesiones pagadas por el programa de asistencia al empleado (EAP) de su trabajo.'],
      payment_assistance: ['Ayuda con el pago', 'Becas, donaciones u otra ayuda con las tarifas.'],
      military: ['Militar (TRICARE)', 'TRICARE u otra cobertura militar.'],
      fsa_hsa: ['FSA / HSA', 'Se puede pagar con una cuenta de gastos flexibles (FSA) o de ahorros para la salud (HSA).'],
    },
    feePeriod: {
      per_session: ['por sesión', 'La tarifa es por una sesión.'],
      per_week: ['por semana', 'Una suscripción semanal (por ejemplo, mensajes y una sesión en vivo corta).'],
      per_month: ['por mes', 'Una suscripción mensual.'],
      one_time: ['pago único', 'Un solo pago (un libro, una membresía, una evaluación).'],
      per_program: ['por todo el programa', 'Un solo precio por un taller, un programa intensivo o un curso.'],
    },
    availability: {
      evenings: ['Tardes y noches', 'Sesiones después de las 5 p. m.'],
      weekends: ['Fines de semana', 'Sesiones el sábado o el domingo.'],
      around_the_clock: ['24/7', 'Disponible a cualquier hora, todos los días.'],
    },
    reportReason: {
      phone_not_working: ['El teléfono no funciona', 'El número está desconectado, nunca contestan o responde otra persona.'],
      closed: ['Cerrado', 'El servicio cerró o ya no ofrece esta ayuda.'],
      not_accepting_clients: ['No acepta nuevos clientes', 'No aceptan a nadie nuevo, o la espera es mucho más larga que la indicada.'],
      wrong_fees: ['Las tarifas son incorrectas', 'Las tarifas, la escala móvil o los seguros no coinciden con el listado.'],
      wrong_address: ['La dirección es incorrecta', 'El servicio no está en el lugar indicado.'],
      wrong_hours: ['El horario es incorrecto', 'El horario o la disponibilidad no coinciden con el listado.'],
      unsafe_or_inappropriate: ['Peligroso o inapropiado', 'Algo del servicio o del listado parece peligroso o no debería recomendarse.'],
      other: ['Otro problema', 'Otro problema con el listado.'],
    },
    verificationStatus: {
      current: [
        'Comprobado recientemente',
        'Los datos se confirmaron dentro del plazo de actualización (180 días; 90 para las líneas de ayuda).',
      ],
      due: ['Pendiente de comprobar', 'Toca volver a confirmar los datos, o todavía no se han confirmado.'],
      stale: [
        'Sin comprobar desde hace mucho',
        'Los datos se confirmaron por última vez hace más de un año (180 días para las líneas de ayuda): compruébelos antes de fiarse de ellos.',
      ],
    },
  }),
};

/** `{ kind: { practice: [label, description] } }` → `taxonomy.kind.practice.label` / `.description` keys. */
function taxonomy(vocabularies: Record<string, Record<string, [label: string, description: string]>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(vocabularies).flatMap(([vocabulary, terms]) =>
      Object.entries(terms).flatMap(([code, [label, description]]) => [
        [`taxonomy.${vocabulary}.${code}.label`, label],
        [`taxonomy.${vocabulary}.${code}.description`, description],
      ]),
    ),
  );
}
