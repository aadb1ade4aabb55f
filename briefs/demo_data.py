"""Demo content for the ``loaddemo`` management command.

Pure data, no Django imports. Everything here is original and invented for
this project: the publication, its journalists, the people quoted, the
organisations, companies, rivers and communities named in the briefs are
fictional. Countries are real; the events are not.
"""

PUBLICATION = {
    "name": "Quebrada Press",
    "tagline": "Short, sourced news from Latin America, free to read and republish.",
    "tagline_es": "Noticias breves y verificadas de América Latina, libres para leer y republicar.",
    "about": (
        "<p>Quebrada Press is an independent, reader-funded newsroom covering Latin America "
        "in English and Spanish. Each brief gives you the news first, then our own analysis: "
        "the context, the stakes and what to watch next, clearly separated so you always "
        "know which is which.</p>"
        "<p>Our reporters live in the regions they cover. We do not take money from "
        "governments, political parties or companies we report on, and everything we publish "
        "is released under the Creative Commons Attribution-NonCommercial 3.0 licence "
        "(CC BY-NC 3.0), so community radio stations, local papers and classrooms can "
        "republish it free of charge. A few briefs made with partners keep all rights "
        "reserved; their pages say so.</p>"
    ),
    "about_es": (
        "<p>Quebrada Press es una redacción independiente, financiada por sus lectores, que "
        "cubre América Latina en español e inglés. Cada nota breve presenta primero la "
        "noticia y luego nuestro análisis: el contexto, lo que está en juego y lo que conviene "
        "seguir, claramente separados para que siempre sepas qué es qué.</p>"
        "<p>Nuestros periodistas viven en las regiones que cubren. No aceptamos dinero de "
        "gobiernos, partidos políticos ni de empresas sobre las que informamos, y todo lo que "
        "publicamos se distribuye con la licencia Creative Commons Atribución-NoComercial "
        "3.0 (CC BY-NC 3.0), para que radios comunitarias, periódicos locales y aulas "
        "puedan republicarlo sin costo. Algunas notas hechas con medios aliados se "
        "publican con todos los derechos reservados, y así lo indican.</p>"
    ),
    "comment_prompt": (
        "Do you have local knowledge that adds to this brief? Share it respectfully: "
        "our editors read every comment and follow up on tips."
    ),
    "comment_prompt_es": (
        "¿Tienes información local que complemente esta nota? Compártela con respeto: "
        "nuestro equipo editorial lee todos los comentarios y da seguimiento a las pistas."
    ),
}

SECTIONS = [
    {"slug": "news", "name": "News", "name_es": "Noticias", "is_organization": False},
    {
        "slug": "organization",
        "name": "The Organization",
        "name_es": "La Organización",
        "is_organization": True,
    },
]

COUNTRIES = [
    {
        "slug": "argentina",
        "name": "Argentina",
        "name_es": "Argentina",
        "description": "Lithium, public health and provincial politics, from the puna to the Chaco.",
        "description_es": "Litio, salud pública y política provincial, de la puna al Chaco.",
    },
    {
        "slug": "bolivia",
        "name": "Bolivia",
        "name_es": "Bolivia",
        "description": "Water, land and courts in a plurinational state where community organisations carry real weight.",
        "description_es": "Agua, tierra y tribunales en un Estado plurinacional donde las organizaciones comunitarias tienen peso real.",
    },
    {
        "slug": "brazil",
        "name": "Brazil",
        "name_es": "Brasil",
        "description": "Climate, energy and the Amazon, reported from the north and north-east.",
        "description_es": "Clima, energía y Amazonía, con reportería desde el norte y el nordeste.",
    },
    {
        "slug": "chile",
        "name": "Chile",
        "name_es": "Chile",
        "description": "Drought, the energy transition and Indigenous rights along a very long coastline.",
        "description_es": "Sequía, transición energética y derechos indígenas a lo largo de una costa muy extensa.",
    },
    {
        "slug": "colombia",
        "name": "Colombia",
        "name_es": "Colombia",
        "description": "Courts, land restitution and the safety of local reporters in rural regions.",
        "description_es": "Tribunales, restitución de tierras y seguridad de los periodistas locales en las regiones rurales.",
    },
    {
        "slug": "ecuador",
        "name": "Ecuador",
        "name_es": "Ecuador",
        "description": "Mining, water and local democracy in the Andes and the Amazon.",
        "description_es": "Minería, agua y democracia local en los Andes y la Amazonía.",
    },
    {
        "slug": "guatemala",
        "name": "Guatemala",
        "name_es": "Guatemala",
        "description": "Elections, justice and community organising in the western highlands.",
        "description_es": "Elecciones, justicia y organización comunitaria en el altiplano occidental.",
    },
    {
        "slug": "honduras",
        "name": "Honduras",
        "name_es": "Honduras",
        "description": "Coffee, climate shocks and the pressures that push families to migrate.",
        "description_es": "Café, choques climáticos y las presiones que empujan a las familias a migrar.",
    },
    {
        "slug": "mexico",
        "name": "Mexico",
        "name_es": "México",
        "description": "Migration along the northern border and press freedom in the states.",
        "description_es": "Migración en la frontera norte y libertad de prensa en los estados.",
    },
    {
        "slug": "peru",
        "name": "Peru",
        "name_es": "Perú",
        "description": "Mining, water and rural public services in the southern highlands.",
        "description_es": "Minería, agua y servicios públicos rurales en la sierra sur.",
    },
]

TOPICS = [
    {
        "slug": "water",
        "name": "Water",
        "name_es": "Agua",
        "description": "Who gets water, who decides, and what happens when there is not enough.",
        "description_es": "Quién recibe agua, quién decide y qué pasa cuando no alcanza.",
    },
    {
        "slug": "mining",
        "name": "Mining",
        "name_es": "Minería",
        "description": "Copper, gold and lithium projects and the communities that live beside them.",
        "description_es": "Proyectos de cobre, oro y litio, y las comunidades que viven junto a ellos.",
    },
    {
        "slug": "elections",
        "name": "Elections",
        "name_es": "Elecciones",
        "description": "Ballots, candidate registration and the institutions that run the vote.",
        "description_es": "Votaciones, inscripción de candidaturas y las instituciones que organizan los comicios.",
    },
    {
        "slug": "migration",
        "name": "Migration",
        "name_es": "Migración",
        "description": "Why people leave, how they travel and where they wait.",
        "description_es": "Por qué se va la gente, cómo viaja y dónde espera.",
    },
    {
        "slug": "press-freedom",
        "name": "Press Freedom",
        "name_es": "Libertad de prensa",
        "description": "The safety and independence of the reporters who keep communities informed.",
        "description_es": "La seguridad y la independencia de quienes mantienen informadas a sus comunidades.",
    },
    {
        "slug": "climate",
        "name": "Climate",
        "name_es": "Clima",
        "description": "Droughts, floods and the slow work of adapting to a warmer region.",
        "description_es": "Sequías, inundaciones y el lento trabajo de adaptarse a una región más cálida.",
    },
    {
        "slug": "health",
        "name": "Health",
        "name_es": "Salud",
        "description": "Clinics, outbreaks and access to care outside the big cities.",
        "description_es": "Centros de salud, brotes y acceso a la atención fuera de las grandes ciudades.",
    },
    {
        "slug": "energy",
        "name": "Energy",
        "name_es": "Energía",
        "description": "Wind, hydrogen and power lines, and who pays for the energy transition.",
        "description_es": "Viento, hidrógeno y líneas eléctricas, y quién paga la transición energética.",
    },
    {
        "slug": "indigenous-land",
        "name": "Indigenous Land",
        "name_es": "Territorios indígenas",
        "description": "Titles, consultation and the return of territories to the peoples who lost them.",
        "description_es": "Títulos, consulta previa y la devolución de territorios a los pueblos que los perdieron.",
    },
    {
        "slug": "courts",
        "name": "Courts",
        "name_es": "Tribunales",
        "description": "Rulings that shape rights, resources and accountability across the region.",
        "description_es": "Fallos que definen derechos, recursos y rendición de cuentas en la región.",
    },
]

AUTHORS = [
    {
        "slug": "ines-valdivieso",
        "name": "Inés Valdivieso Parra",
        "bio": "Andes correspondent based in Cusco. She covers mining, water and rural health in Peru and Ecuador.",
        "bio_es": "Corresponsal andina con base en Cusco. Cubre minería, agua y salud rural en Perú y Ecuador.",
    },
    {
        "slug": "tomas-berrio",
        "name": "Tomás Berrío Lanza",
        "bio": "Reporter based in Bogotá covering courts, land restitution and press freedom in Colombia and Central America.",
        "bio_es": "Reportero con base en Bogotá. Cubre tribunales, restitución de tierras y libertad de prensa en Colombia y Centroamérica.",
    },
    {
        "slug": "marisol-quintanar",
        "name": "Marisol Quintanar Elizondo",
        "bio": "Covers migration and the safety of local journalists from Monterrey, with regular trips to shelters along the northern border.",
        "bio_es": "Cubre migración y la seguridad de los periodistas locales desde Monterrey, con viajes frecuentes a los albergues de la frontera norte.",
    },
    {
        "slug": "joao-teixeira-prado",
        "name": "João Teixeira Prado",
        "bio": "Reports on climate, energy and river communities from Belém. Previously a producer for community radio in the lower Amazon.",
        "bio_es": "Informa sobre clima, energía y comunidades ribereñas desde Belém. Antes fue productor de radio comunitaria en el bajo Amazonas.",
    },
    {
        "slug": "elena-huarachi",
        "name": "Elena Huarachi Condori",
        "bio": "Aymara journalist based in El Alto. She covers water, land, elections and public services in Bolivia and southern Peru.",
        "bio_es": "Periodista aymara con base en El Alto. Cubre agua, tierra, elecciones y servicios públicos en Bolivia y el sur de Perú.",
    },
    {
        "slug": "antonia-rengifo",
        "name": "Antonia Rengifo Sáez",
        "bio": "Southern Cone correspondent based in Santiago, covering drought, energy and public health in Chile and Argentina.",
        "bio_es": "Corresponsal en el Cono Sur con base en Santiago. Cubre sequía, energía y salud pública en Chile y Argentina.",
    },
    {
        "slug": "carmen-ibarguen",
        "name": "Carmen Ibargüen Solís",
        "bio": "Managing editor of Quebrada Press. She edits the daily briefs and coordinates our partnerships with community media.",
        "bio_es": "Editora general de Quebrada Press. Edita las notas diarias y coordina nuestras alianzas con medios comunitarios.",
    },
]

BRIEFS = [
    # ------------------------------------------------------------------ news
    {
        "slug": "chile-extends-drought-decree-central-valleys",
        "title": "Chile extends drought decree in central valleys as reservoirs fall",
        "summary": (
            "The public works ministry extended a water scarcity declaration for six "
            "municipalities, allowing emergency redistribution of water for six more months."
        ),
        "news": """<p>Chile's public works ministry has extended a water scarcity decree covering six municipalities in the central valleys for another six months, after the reservoirs that serve the area fell to 23 percent of capacity at the end of the winter rainy season.</p><p>The decree allows the national water authority to redistribute water among rights holders to guarantee human consumption, and to authorise emergency wells without the usual permitting process. It is the <strong>fourth consecutive extension</strong> for most of the municipalities covered.</p><p>Rural drinking water committees, which supply villages outside the reach of urban utilities, said several of their wells had fallen below pumping levels and that they were relying on tanker trucks for part of the week. Fruit growers' associations in the area said they expected to leave some orchards unirrigated this season.</p><p>The ministry said it would publish weekly reservoir data and meet irrigation boards later this month to agree on distribution schedules for the spring.</p>""",
        "analysis": "",
        "section": "news",
        "countries": ["chile"],
        "topics": ["water", "climate"],
        "authors": ["antonia-rengifo"],
        "days_ago": 0,
        "status": "published",
        "see_also": [
            {
                "label": "Bolivian irrigators win a seat on a new basin authority",
                "brief": "bolivian-irrigators-win-seat-on-basin-authority",
                "place": "news",
                "after_paragraph": 3,
            },
        ],
        "related": ["bolivian-irrigators-win-seat-on-basin-authority"],
        "translation": None,
    },
    {
        "slug": "peru-regulator-suspends-tailings-expansion-at-condorhuasi",
        "title": "Peru regulator suspends tailings expansion at Condorhuasi copper mine",
        "summary": (
            "Inspectors ordered work on a new tailings dam halted after community water "
            "monitors documented sulfate levels well above national limits downstream."
        ),
        "news": """<p>Peru's environmental enforcement agency has ordered the operator of the Condorhuasi copper mine, in the southern highlands, to stop work on the expansion of its main tailings dam while inspectors review water quality in the Llaqtapampa river below the site.</p><p>The order follows six months of sampling by a community water monitoring committee made up of residents of four farming villages downstream. Their results, later confirmed by a state laboratory, showed sulfate concentrations <strong>up to three times the national limit</strong> for water used for irrigation and livestock.</p><p>The company, Minera Altos del Sur, said in a written statement that it "respects the inspection process" and that its own monitoring shows no impact attributable to the mine. It has fifteen working days to present a remediation plan and may appeal the suspension.</p><p>Committee coordinator Rosaura Quispe Mamani said villagers had been reporting dying alpacas and crusted soil since early last year. "We did not want to stop the mine. We wanted someone to look at the water," she said.</p>""",
        "analysis": """<p>Suspensions of this kind are rare in Peru, and they are usually temporary. What makes the Condorhuasi case notable is who produced the evidence: a volunteer committee trained in sampling protocols, whose data a state laboratory was willing to validate. That model has spread quietly across the southern Andes over the past decade, and regulators increasingly treat it as a legitimate early-warning system rather than a form of protest.</p><p>The key question is what happens after the fifteen-day deadline. In previous cases, remediation plans were accepted with little public scrutiny and expansions resumed within months. Watch whether the agency publishes the company's plan, whether the monitoring committee is given a formal role in follow-up sampling, and whether the regional government, which depends heavily on mining royalties, takes a position.</p>""",
        "section": "news",
        "countries": ["peru"],
        "topics": ["mining", "water"],
        "authors": ["ines-valdivieso"],
        "days_ago": 4,
        "status": "published",
        "see_also": [
            {
                "label": "More of our mining coverage",
                "topic": "mining",
                "place": "news",
                "after_paragraph": 2,
            },
            {
                "label": "An Ecuadorian parish votes on gold exploration near its wetlands",
                "brief": "ecuador-parish-votes-on-gold-exploration-near-paramo",
                "place": "analysis",
                "after_paragraph": 1,
            },
        ],
        "related": [
            "ecuador-parish-votes-on-gold-exploration-near-paramo",
            "bolivian-irrigators-win-seat-on-basin-authority",
        ],
        "translation": {
            "slug": "peru-suspende-ampliacion-de-relavera-en-condorhuasi",
            # The labels of the original's see-also links, in order.
            "see_also_labels": [
                "Más de nuestra cobertura de minería",
                "Una parroquia ecuatoriana vota sobre la exploración de oro junto a sus humedales",
            ],
            "title": "Perú suspende la ampliación de la relavera de la mina de cobre Condorhuasi",
            "summary": (
                "Los inspectores ordenaron detener las obras de una nueva presa de relaves "
                "después de que monitores comunitarios registraran sulfatos muy por encima "
                "de los límites nacionales."
            ),
            "news": """<p>El organismo de fiscalización ambiental del Perú ordenó a la empresa que opera la mina de cobre Condorhuasi, en la sierra sur, detener las obras de ampliación de su principal presa de relaves mientras los inspectores evalúan la calidad del agua del río Llaqtapampa, aguas abajo de la operación.</p><p>La orden llega tras seis meses de muestreo realizado por un comité de monitoreo hídrico integrado por pobladores de cuatro comunidades agrícolas ubicadas río abajo. Sus resultados, confirmados después por un laboratorio estatal, mostraron concentraciones de sulfatos <strong>hasta tres veces superiores al límite nacional</strong> para el agua destinada al riego y a la bebida de animales.</p><p>La empresa, Minera Altos del Sur, señaló en un comunicado que "respeta el proceso de fiscalización" y que su propio monitoreo no muestra impactos atribuibles a la mina. Tiene quince días hábiles para presentar un plan de remediación y puede apelar la suspensión.</p><p>La coordinadora del comité, Rosaura Quispe Mamani, dijo que los comuneros venían denunciando la muerte de alpacas y la formación de costras en el suelo desde comienzos del año pasado. "No queríamos parar la mina. Queríamos que alguien mirara el agua", afirmó.</p>""",
            "analysis": """<p>Las suspensiones de este tipo son poco frecuentes en el Perú y suelen ser temporales. Lo que hace notable el caso Condorhuasi es quién produjo la evidencia: un comité de voluntarios capacitados en protocolos de muestreo, cuyos datos un laboratorio estatal estuvo dispuesto a validar. Ese modelo se ha extendido discretamente por los Andes del sur durante la última década, y los reguladores lo tratan cada vez más como un sistema legítimo de alerta temprana y no como una forma de protesta.</p><p>La pregunta clave es qué ocurrirá cuando venza el plazo de quince días. En casos anteriores, los planes de remediación se aprobaron con poco escrutinio público y las ampliaciones se reanudaron en cuestión de meses. Habrá que observar si el organismo publica el plan de la empresa, si el comité de monitoreo recibe un papel formal en los muestreos posteriores y si el gobierno regional, que depende en gran medida de las regalías mineras, toma posición.</p>""",
        },
    },
    {
        "slug": "northern-mexico-shelters-report-longer-stays",
        "title": "Shelters in northern Mexico report longest stays on record as asylum appointments slow",
        "summary": (
            "A network of fourteen shelters in Chihuahua says the average stay has tripled in "
            "a year, straining food budgets and pushing families into informal rentals."
        ),
        "news": """<p>A network of fourteen migrant shelters in the northern state of Chihuahua says people are now staying an average of 71 days before moving on, more than three times the figure recorded a year ago, as appointments to request asylum at the border have become harder to obtain.</p><p>The network, known as Red Umbral, published the figures on Monday in its quarterly report. It said about 40 percent of current residents are children, and that most families arrived from Venezuela, Honduras and southern Mexico. Several shelters have begun rationing meals to two a day.</p><p>"Shelters were designed for a stop of a few nights. We are now running something closer to a neighbourhood," said Father Anselmo Ruvalcaba, who directs one of the largest shelters in the network.</p><p>State officials said they were preparing a temporary work-permit scheme to allow shelter residents to take jobs in local factories. The report calls for that scheme to include childcare and school enrolment, noting that <strong>fewer than one in five school-age children</strong> in the shelters is attending classes.</p>""",
        "analysis": """<p>Long stays change the nature of the problem. A shelter system built for transit becomes, in effect, a network of informal settlements, with all the needs of a settled population: schools, clinics, jobs and legal advice. Municipal budgets in northern Mexico were not designed for that, and most shelters depend on churches and small private donors.</p><p>The proposed work-permit scheme is worth following closely. Similar programmes elsewhere in the region have helped families support themselves, but they have also exposed migrants to exploitative contracts when labour inspection was weak. Three things to watch: whether permits are tied to a single employer, whether the state funds inspectors to go with them, and whether the school enrolment gap highlighted in the report is closed before the new academic year.</p>""",
        "section": "news",
        "countries": ["mexico"],
        "topics": ["migration"],
        "authors": ["marisol-quintanar"],
        "days_ago": 7,
        "status": "published",
        "see_also": [
            {
                "label": "Why families in western Honduras are planning to leave",
                "brief": "flooded-coffee-farms-western-honduras-families-plan-departures",
                "place": "news",
                "after_paragraph": 2,
            },
        ],
        "related": ["flooded-coffee-farms-western-honduras-families-plan-departures"],
        "translation": {
            "slug": "albergues-del-norte-de-mexico-reportan-estancias-mas-largas",
            # The labels of the original's see-also links, in order.
            "see_also_labels": [
                "Por qué familias del occidente de Honduras planean irse",
            ],
            "title": "Albergues del norte de México registran las estancias más largas de su historia ante la lentitud de las citas de asilo",
            "summary": (
                "Una red de catorce albergues en Chihuahua afirma que la estancia promedio se "
                "triplicó en un año, lo que presiona sus presupuestos de alimentación y empuja "
                "a familias a rentas informales."
            ),
            "news": """<p>Una red de catorce albergues para personas migrantes en el estado norteño de Chihuahua afirma que quienes llegan permanecen ahora un promedio de 71 días antes de seguir su camino, más del triple de lo registrado hace un año, debido a que las citas para solicitar asilo en la frontera son cada vez más difíciles de conseguir.</p><p>La red, conocida como Red Umbral, publicó las cifras el lunes en su informe trimestral. Señaló que alrededor del 40 por ciento de las personas albergadas son niñas y niños, y que la mayoría de las familias llegaron de Venezuela, Honduras y el sur de México. Varios albergues ya racionan la comida a dos tiempos al día.</p><p>"Los albergues se diseñaron para una parada de unas cuantas noches. Ahora administramos algo más parecido a un barrio", dijo el padre Anselmo Ruvalcaba, quien dirige uno de los albergues más grandes de la red.</p><p>Funcionarios estatales indicaron que preparan un esquema de permisos temporales de trabajo para que las personas albergadas puedan emplearse en fábricas locales. El informe pide que ese esquema incluya guarderías e inscripción escolar, y advierte que <strong>menos de uno de cada cinco menores en edad escolar</strong> que viven en los albergues asiste a clases.</p>""",
            "analysis": """<p>Las estancias prolongadas cambian la naturaleza del problema. Un sistema de albergues pensado para el tránsito se convierte, en los hechos, en una red de asentamientos informales con todas las necesidades de una población asentada: escuelas, clínicas, empleo y asesoría legal. Los presupuestos municipales del norte de México no fueron diseñados para eso, y la mayoría de los albergues depende de iglesias y de pequeños donantes privados.</p><p>Conviene seguir de cerca el esquema de permisos de trabajo. Programas similares en otros países de la región han ayudado a las familias a mantenerse por sí mismas, pero también han expuesto a las personas migrantes a contratos abusivos cuando la inspección laboral era débil. Hay tres cosas que observar: si los permisos quedan atados a un solo empleador, si el estado financia inspectores que los acompañen y si la brecha de inscripción escolar que señala el informe se cierra antes del nuevo ciclo escolar.</p>""",
        },
    },
    {
        "slug": "colombian-court-orders-protection-for-cauca-community-radio",
        "title": "Colombian court orders protection for community radio reporters in Cauca",
        "summary": (
            "A judge gave national authorities ten days to assess risks to three reporters at "
            "a community station who received threats after covering illegal gold mining."
        ),
        "news": """<p>A court in Popayán has ordered Colombia's national protection agency to carry out an urgent risk assessment for three reporters at Cuatro Vientos Estéreo, a community radio station in the south-western department of Cauca, after they received repeated threats over their coverage of illegal gold mining.</p><p>The ruling, issued on a <em>tutela</em> petition filed by the station, gives the agency ten days to complete the assessment and to adopt "proportionate and timely" measures. The judge found that the agency had left an earlier request unanswered for more than four months.</p><p>The station's director, Wilmer Ocoró Banguera, said the threats began after a series of reports on dredging machines operating on a tributary of the Cauca river. "We are a small station with five volunteers. We report on what is happening on our river because nobody else does," he said.</p><p>The protection agency said it had received the order and would comply within the deadline.</p>""",
        "analysis": """<p>Community radio remains the main source of local news in much of rural Colombia, and also one of the most exposed. Reporters at these stations are often volunteers, live in the same villages as the people they cover, and cannot easily relocate when threatened.</p><p>The ruling matters less for its content, which repeats obligations that already exist in law, than for what it says about delays. A four-month silence on a protection request is not unusual, according to press freedom groups, and the <em>tutela</em> has become the standard tool to force a response. That works, but it shifts the burden onto stations that rarely have legal support.</p><p>Watch whether the measures adopted are designed for a rural setting. Bodyguards and armoured vehicles, the default package, are of limited use to a reporter who travels by canoe.</p>""",
        "section": "news",
        "countries": ["colombia"],
        "topics": ["press-freedom", "courts"],
        "authors": ["tomas-berrio"],
        "days_ago": 11,
        "status": "published",
        "see_also": [
            {
                "label": "All our press freedom coverage",
                "topic": "press-freedom",
                "place": "analysis",
                "after_paragraph": 3,
            },
        ],
        "related": [
            "reporter-in-southern-mexico-reports-surveillance",
            "colombian-judge-returns-land-to-embera-community",
        ],
        "translation": {
            "slug": "juzgado-ordena-proteger-a-reporteros-de-radio-comunitaria-en-cauca",
            # The labels of the original's see-also links, in order.
            "see_also_labels": [
                "Toda nuestra cobertura de libertad de prensa",
            ],
            "title": "Un juzgado colombiano ordena proteger a reporteros de una radio comunitaria del Cauca",
            "summary": (
                "Un juez dio a las autoridades nacionales diez días para evaluar el riesgo de "
                "tres reporteros de una emisora comunitaria amenazados tras informar sobre "
                "minería ilegal de oro."
            ),
            "news": """<p>Un juzgado de Popayán ordenó a la entidad nacional de protección de Colombia realizar con urgencia una evaluación de riesgo para tres reporteros de Cuatro Vientos Estéreo, una emisora comunitaria del departamento del Cauca, en el suroccidente del país, después de que recibieran amenazas reiteradas por su cubrimiento de la minería ilegal de oro.</p><p>El fallo, emitido en respuesta a una acción de tutela presentada por la emisora, da a la entidad diez días para completar la evaluación y adoptar medidas "proporcionales y oportunas". El juez concluyó que la entidad había dejado sin respuesta una solicitud anterior durante más de cuatro meses.</p><p>El director de la emisora, Wilmer Ocoró Banguera, dijo que las amenazas comenzaron tras una serie de informes sobre dragas que operan en un afluente del río Cauca. "Somos una emisora pequeña con cinco voluntarios. Contamos lo que pasa en nuestro río porque nadie más lo hace", afirmó.</p><p>La entidad de protección informó que recibió la orden y que la cumplirá dentro del plazo.</p>""",
            "analysis": """<p>La radio comunitaria sigue siendo la principal fuente de noticias locales en buena parte de la Colombia rural, y también una de las más expuestas. Sus reporteros suelen ser voluntarios, viven en las mismas veredas que cubren y no pueden trasladarse con facilidad cuando reciben amenazas.</p><p>El fallo importa menos por su contenido, que repite obligaciones ya previstas en la ley, que por lo que revela sobre las demoras. Según organizaciones de libertad de prensa, un silencio de cuatro meses ante una solicitud de protección no es inusual, y la tutela se ha convertido en la herramienta habitual para obligar a una respuesta. Funciona, pero traslada la carga a emisoras que rara vez cuentan con apoyo jurídico.</p><p>Habrá que ver si las medidas que se adopten están pensadas para el contexto rural. Los escoltas y los vehículos blindados, el paquete habitual, sirven de poco a un reportero que se desplaza en canoa.</p>""",
        },
    },
    {
        "slug": "drought-strands-river-communities-western-amazon",
        "title": "Drought strands river communities in Brazil's western Amazon",
        "summary": (
            "With a key tributary at its lowest level in the local gauge's records, about 60 "
            "riverside and Indigenous villages can no longer reach markets or clinics by boat."
        ),
        "news": """<p>About 60 riverside and Indigenous villages in Brazil's western Amazon have been cut off from towns downstream after the Aruanã-Mirim, a tributary of the Juruá, fell to its lowest level since the local gauge began recording in 1978, according to the state civil defence agency.</p><p>Boats carrying food, fuel and medicine can no longer pass sandbanks that have emerged along a 90-kilometre stretch. The state government declared an emergency last week and said it would send supplies by helicopter and small aircraft, but community leaders say deliveries so far have reached <strong>fewer than half</strong> of the affected villages.</p><p>"The river is our road. When it dries, everything stops: school, health, selling our flour," said Raimunda Nascimento Lobo, who heads an association of manioc flour producers.</p><p>Researchers at a federal university in the region said the drought is linked to warmer ocean waters and a weak rainy season, and warned that very low levels could persist for at least two more months.</p>""",
        "analysis": """<p>This is the third severe low-water season in the western Amazon in five years, and the pattern is starting to look less like an emergency and more like a new baseline. Each time, the response has followed the same script: emergency declarations, airlifts, and a return to business as usual when the rains come.</p><p>What is missing is planning for the next dry season. Local researchers have long proposed community water storage, solar-powered wells and river-level early warnings that would give villages time to stock up on food and fuel. Almost none of that has been funded.</p><p>Watch the state budget debate later this year. If drought preparedness gets its own budget line, that would be a sign that officials now treat low water as a permanent feature of the region rather than an exception.</p>""",
        "section": "news",
        "countries": ["brazil"],
        "topics": ["climate", "water"],
        "authors": ["joao-teixeira-prado"],
        "days_ago": 15,
        "status": "published",
        "see_also": [
            {
                "label": "More from Brazil",
                "country": "brazil",
                "place": "news",
                "after_paragraph": 4,
            },
        ],
        "related": ["brazil-offshore-wind-auction-fishing-cooperatives-object"],
        "translation": {
            "slug": "sequia-aisla-comunidades-riberenas-de-la-amazonia-occidental",
            # The labels of the original's see-also links, in order.
            "see_also_labels": [
                "Más desde Brasil",
            ],
            "title": "La sequía deja aisladas a comunidades ribereñas de la Amazonía occidental de Brasil",
            "summary": (
                "Con un afluente clave en su nivel más bajo desde que existen registros "
                "locales, unas 60 aldeas ribereñas e indígenas ya no pueden llegar en bote a "
                "mercados ni centros de salud."
            ),
            "news": """<p>Unas 60 aldeas ribereñas e indígenas de la Amazonía occidental de Brasil quedaron aisladas de los pueblos río abajo después de que el Aruanã-Mirim, afluente del Juruá, descendiera a su nivel más bajo desde que la estación hidrométrica local comenzó a registrar datos en 1978, según la defensa civil del estado.</p><p>Las embarcaciones que transportan alimentos, combustible y medicinas ya no pueden atravesar los bancos de arena que surgieron a lo largo de un tramo de 90 kilómetros. El gobierno estatal declaró la emergencia la semana pasada y anunció envíos en helicóptero y avionetas, pero los líderes comunitarios aseguran que hasta ahora la ayuda ha llegado a <strong>menos de la mitad</strong> de las aldeas afectadas.</p><p>"El río es nuestro camino. Cuando se seca, todo se detiene: la escuela, la salud, la venta de nuestra harina", dijo Raimunda Nascimento Lobo, presidenta de una asociación de productores de harina de yuca.</p><p>Investigadores de una universidad federal de la región explicaron que la sequía está vinculada al calentamiento de las aguas oceánicas y a una temporada de lluvias débil, y advirtieron que los niveles muy bajos podrían mantenerse al menos dos meses más.</p>""",
            "analysis": """<p>Es la tercera temporada de aguas muy bajas en la Amazonía occidental en cinco años, y el patrón empieza a parecer menos una emergencia que una nueva normalidad. Cada vez, la respuesta ha seguido el mismo guion: declaraciones de emergencia, puentes aéreos y un regreso a la rutina cuando vuelven las lluvias.</p><p>Lo que falta es planificar la próxima temporada seca. Investigadores locales proponen desde hace años almacenamiento comunitario de agua, pozos con bombeo solar y alertas tempranas sobre el nivel del río que den a las aldeas tiempo para abastecerse de alimentos y combustible. Casi nada de eso ha recibido financiamiento.</p><p>Conviene seguir el debate presupuestario estatal de este año. Si la preparación ante la sequía obtiene una partida propia, será señal de que las autoridades ya consideran las aguas bajas como un rasgo permanente de la región y no como una excepción.</p>""",
        },
    },
    {
        "slug": "chile-tribunal-halts-green-hydrogen-port",
        "title": "Chilean environmental tribunal halts green hydrogen port pending Indigenous consultation",
        "summary": (
            "Judges annulled the environmental approval of a wind-to-ammonia export terminal in "
            "the far south, saying two coastal Indigenous communities were not properly consulted."
        ),
        "news": """<p>An environmental tribunal in southern Chile has annulled the environmental approval of Puerto Viento Austral, a planned terminal to export ammonia made from wind-powered hydrogen in the Magallanes region, ruling that two Indigenous coastal communities were not properly consulted.</p><p>In a unanimous decision, the three judges found that the consultation process lasted only eleven weeks, relied on documents available only in Spanish and online, and did not address the communities' concerns about shipping traffic in channels they use for fishing and shellfish gathering.</p><p>The developer, a consortium called Energías del Estrecho, said it was studying the ruling and remained committed to "a project that contributes to the energy transition." It can appeal to the Supreme Court.</p><p>Lawyers for the communities said their clients did not oppose wind energy in the region but wanted a binding say over where port infrastructure is built. The government's hydrogen strategy lists the terminal as one of several priority projects.</p>""",
        "analysis": """<p>Chile has positioned its far south as a future exporter of green hydrogen, and the region's winds make the case compelling on paper. But the projects are enormous, and the land and sea they would occupy are not empty.</p><p>This ruling does not kill the terminal. It sends the approval back to the consultation stage, which could mean a delay of a year or more. The more lasting effect may be on the other priority projects, whose consultation processes share many of the features the judges criticised.</p><p>Watch whether the developer appeals or chooses to restart consultation voluntarily, and whether the government revises its guidance for hydrogen projects. A process designed together with the communities might take longer at first, but it could ultimately save time for everyone.</p>""",
        "section": "news",
        "countries": ["chile"],
        "topics": ["energy", "indigenous-land"],
        "authors": ["antonia-rengifo", "joao-teixeira-prado"],
        "days_ago": 19,
        "status": "published",
        "see_also": [
            {
                "label": "Fishers object to offshore wind lease areas in Brazil",
                "brief": "brazil-offshore-wind-auction-fishing-cooperatives-object",
                "place": "analysis",
                "after_paragraph": 2,
            },
        ],
        "related": ["brazil-offshore-wind-auction-fishing-cooperatives-object"],
        "translation": None,
    },
    {
        "slug": "guatemala-tribunal-disqualifies-municipal-slates",
        "title": "Guatemala's electoral authority disqualifies three municipal slates ahead of deadline",
        "summary": (
            "The disqualified candidates, all from a young regional movement, say the paperwork "
            "objections are a pretext. The movement plans to appeal."
        ),
        "news": """<p>Guatemala's electoral authority has disqualified three municipal candidate slates presented by Movimiento Tierra Clara, a regional movement founded two years ago by teachers and farmers in the western highlands, days before the registration deadline for upcoming local elections.</p><p>In its resolution, <a href="https://example.org/documents/electoral-resolution-municipal-slates">published on the authority's website</a>, the authority said the slates had submitted incomplete proof of residency for several candidates and that one candidate for mayor had an unresolved audit finding from a previous job in municipal administration. The movement says all documents were submitted on time and that the audit matter was closed last year.</p><p>"They are looking for commas to keep us off the ballot," said Aurelia Tzoc Chávez, who had been registered as the movement's candidate for mayor in one of the three towns. The movement said it would file an appeal and, if necessary, a constitutional challenge.</p><p>The electoral authority said in a statement that it applies the same requirements to all organisations and that its decisions can be reviewed through the ordinary appeals process.</p>""",
        "analysis": """<p>Candidate registration has become one of the most contested stages of Guatemala's electoral calendar. Administrative objections are legitimate in principle, but when they fall mostly on new or small movements, they can shape the ballot before a single vote is cast.</p><p>It is too early to know whether this case fits that pattern. The residency documents and audit file are not public, and the authority has not said how many slates from other parties faced similar objections. Publishing those numbers would be the simplest way to answer the movement's accusation.</p><p>Watch the timing of the appeal. If it is resolved after ballots are printed, the outcome will matter little in practice, whatever the court decides.</p>""",
        "section": "news",
        "countries": ["guatemala"],
        "topics": ["elections", "courts"],
        "authors": ["tomas-berrio"],
        "days_ago": 23,
        "status": "published",
        "see_also": [
            {
                "label": "Read the full resolution (PDF)",
                "url": "https://example.org/documents/electoral-resolution-municipal-slates.pdf",
                "place": "news",
                "after_paragraph": 2,
            },
        ],
        "related": [],
        "translation": None,
    },
    {
        "slug": "bolivian-irrigators-win-seat-on-basin-authority",
        "title": "Bolivian highland irrigators win a seat on new river basin authority",
        "summary": (
            "After two years of negotiation, irrigation committees will have a vote on how water "
            "in the Khollpa basin is shared between farms, a mining cooperative and a growing city."
        ),
        "news": """<p>Irrigation committees in Bolivia's western highlands will hold two of nine seats on a new authority that will decide how water from the Khollpa river basin is shared between farms, a mining cooperative and a fast-growing city downstream, under an agreement signed on Friday with the departmental government.</p><p>The deal ends two years of negotiations that began after a dry season in which several farming communities saw their canals run empty while tanker trucks supplied water to new housing developments. The authority will also include representatives of the municipal water utility, the mining cooperative, two universities and three government agencies.</p><p>"For the first time we are at the table where the water is divided, not waiting outside," said Fermín Choque Alanoca, president of the federation of irrigation committees, which groups about 4,000 families.</p><p>The authority's first task will be a <strong>water balance study</strong> of the basin, due within a year. Until then, existing allocations remain in force.</p>""",
        "analysis": """<p>Basin authorities are easy to create and hard to make work. Bolivia already has several on paper; few have the data or the budget to enforce their decisions. The Khollpa agreement is more promising than most because farmers negotiated their seats rather than being invited after the fact, and because the water balance study gives the authority a concrete first task.</p><p>Still, two seats out of nine is a minority position. Irrigators will need allies, probably the universities, to win votes on contested allocations. The mining cooperative and the city utility have more technical staff and closer ties to officials.</p><p>Watch who pays for the water balance study and who gets to review its methodology. Whoever defines how much water there is will shape every decision that follows.</p>""",
        "section": "news",
        "countries": ["bolivia"],
        "topics": ["water"],
        "authors": ["elena-huarachi"],
        "days_ago": 27,
        "status": "published",
        "see_also": [
            {
                "label": "Peru suspends a tailings expansion after community monitoring",
                "brief": "peru-regulator-suspends-tailings-expansion-at-condorhuasi",
                "place": "analysis",
                "after_paragraph": 2,
            },
        ],
        "related": [
            "peru-regulator-suspends-tailings-expansion-at-condorhuasi",
            "chile-extends-drought-decree-central-valleys",
        ],
        "translation": {
            "slug": "regantes-bolivianos-obtienen-lugar-en-autoridad-de-cuenca",
            # The labels of the original's see-also links, in order.
            "see_also_labels": [
                "Perú suspende la ampliación de una relavera tras el monitoreo comunitario",
            ],
            "title": "Regantes del altiplano boliviano obtienen un lugar en la nueva autoridad de cuenca",
            "summary": (
                "Tras dos años de negociación, los comités de riego tendrán voto sobre cómo se "
                "reparte el agua de la cuenca del Khollpa entre la agricultura, una cooperativa "
                "minera y una ciudad en crecimiento."
            ),
            "news": """<p>Los comités de riego del altiplano occidental de Bolivia ocuparán dos de los nueve asientos de una nueva autoridad que decidirá cómo se reparte el agua de la cuenca del río Khollpa entre los cultivos, una cooperativa minera y una ciudad en rápido crecimiento ubicada río abajo, según un acuerdo firmado el viernes con el gobierno departamental.</p><p>El pacto pone fin a dos años de negociaciones que comenzaron después de una temporada seca en la que varias comunidades campesinas vieron sus canales vacíos mientras camiones cisterna abastecían de agua a nuevas urbanizaciones. La autoridad incluirá también a representantes de la empresa municipal de agua, de la cooperativa minera, de dos universidades y de tres entidades estatales.</p><p>"Por primera vez estamos en la mesa donde se reparte el agua, y no esperando afuera", dijo Fermín Choque Alanoca, presidente de la federación de comités de riego, que agrupa a unas 4.000 familias.</p><p>La primera tarea de la autoridad será un <strong>estudio de balance hídrico</strong> de la cuenca, que deberá estar listo en un año. Hasta entonces, se mantienen las asignaciones vigentes.</p>""",
            "analysis": """<p>Las autoridades de cuenca son fáciles de crear y difíciles de hacer funcionar. Bolivia ya tiene varias en el papel, pero pocas cuentan con los datos o el presupuesto para hacer cumplir sus decisiones. El acuerdo del Khollpa es más prometedor que la mayoría porque los regantes negociaron sus asientos en lugar de ser invitados a última hora, y porque el estudio de balance hídrico le da a la autoridad una primera tarea concreta.</p><p>Aun así, dos asientos de nueve son una posición minoritaria. Los regantes necesitarán aliados, probablemente las universidades, para ganar votaciones sobre asignaciones en disputa. La cooperativa minera y la empresa de agua de la ciudad cuentan con más personal técnico y con vínculos más estrechos con las autoridades.</p><p>Habrá que ver quién paga el estudio de balance hídrico y quién puede revisar su metodología. Quien defina cuánta agua hay marcará todas las decisiones que vengan después.</p>""",
        },
    },
    {
        "slug": "northern-argentina-province-expands-mobile-clinics-dengue",
        "title": "Northern Argentine province expands mobile clinics after dengue surge",
        "summary": (
            "Chaco's health ministry is adding twelve mobile units and extending clinic hours "
            "after confirmed cases rose sharply in neighbourhoods with irregular water supply."
        ),
        "news": """<p>Health authorities in the northern Argentine province of Chaco are adding twelve mobile clinics and extending evening hours at primary care centres after confirmed dengue cases rose sharply over the past six weeks, concentrated in peri-urban neighbourhoods with irregular water supply.</p><p>According to the provincial health ministry's weekly bulletin, most new cases were recorded in areas where households store water in open containers because mains supply is intermittent. Those containers are ideal breeding sites for the mosquito that transmits the virus.</p><p>The mobile units will offer testing, hydration treatment and advice on eliminating breeding sites. The province has also asked the national government for additional doses of the dengue vaccine, which is currently offered to a limited age group in high-incidence areas.</p><p>Neighbourhood health promoter Griselda Mansilla Orué said many families knew the risks but had no alternative. "You cannot tell people to throw out their water if the tap only works two days a week," she said.</p>""",
        "analysis": """<p>Dengue in northern Argentina is usually described as a health problem, and the immediate response is rightly medical. But the provincial bulletin itself points to a water infrastructure problem: outbreaks cluster where mains supply is unreliable and households store water.</p><p>Mobile clinics can reduce deaths and speed up diagnosis. They cannot change the conditions that produce outbreaks season after season. Fixing intermittent supply is slow and expensive, and it rarely competes well against visible emergency measures in budget debates.</p><p>Watch two things in the coming months: whether the national government sends the additional vaccine doses requested, and whether the province's water utility publishes a plan for the neighbourhoods named in the health bulletin. The second would be the stronger signal.</p>""",
        "section": "news",
        "countries": ["argentina"],
        "topics": ["health"],
        "authors": ["antonia-rengifo"],
        "days_ago": 31,
        "status": "published",
        "see_also": [
            {
                "label": "More of our health coverage",
                "topic": "health",
                "place": "analysis",
                "after_paragraph": 3,
            },
        ],
        "related": ["peru-highland-health-posts-without-doctors"],
        "translation": None,
    },
    {
        "slug": "ecuador-parish-votes-on-gold-exploration-near-paramo",
        "title": "Ecuadorian highland parish to vote on gold exploration near páramo wetlands",
        "summary": (
            "Voters in San Isidro de Yacupamba will decide whether to allow exploration in "
            "high-altitude wetlands that supply drinking water to three towns."
        ),
        "news": """<p>Residents of the rural parish of San Isidro de Yacupamba, in Ecuador's southern Andes, will vote next month in a local consultation on whether to allow gold exploration in the <em>páramo</em>, the high-altitude wetlands that supply drinking water to three nearby towns.</p><p>Ecuador's electoral council approved the question after the parish's community water boards collected signatures from more than a quarter of registered voters. The exploration concession, held by a company called Auríferos del Austro, covers about 6,000 hectares, roughly a third of them in <em>páramo</em>.</p><p>The company says exploration will be limited to drilling at a few dozen points and will not affect water sources. It has offered to fund a new treatment plant for the parish. Opponents argue that the <em>páramo</em>'s spongy soils, which store rainfall and release it slowly, are easily damaged and very hard to restore.</p><p>The result will be binding on local authorities, although legal experts disagree on how it affects concessions granted before the vote.</p>""",
        "analysis": """<p>Local consultations on mining have become one of the main ways Ecuadorian communities try to shape decisions made in the capital. Several have been held in recent years, and opponents of mining have won most of them by wide margins.</p><p>The unresolved issue is what happens next. Concession holders argue that their rights were granted by the national government and cannot be undone by a local vote. Communities argue that the constitution places water sources above mining. The courts have not settled the question in a way that applies across the board.</p><p>Watch the campaign itself: how much the company spends, whether the water boards receive any public funding for their side, and whether the national mining ministry comments before the vote. Any of those could become part of a future legal challenge.</p>""",
        "section": "news",
        "countries": ["ecuador"],
        "topics": ["mining", "water"],
        "authors": ["ines-valdivieso"],
        "days_ago": 35,
        "status": "published",
        "see_also": [
            {
                "label": "Peru suspends Condorhuasi tailings expansion",
                "brief": "peru-regulator-suspends-tailings-expansion-at-condorhuasi",
                "place": "analysis",
                "after_paragraph": 2,
            },
        ],
        "related": ["peru-regulator-suspends-tailings-expansion-at-condorhuasi"],
        "translation": None,
    },
    {
        "slug": "flooded-coffee-farms-western-honduras-families-plan-departures",
        "title": "After floods ruin coffee harvest, families in western Honduras plan to leave, survey finds",
        "summary": (
            "Nearly one in three households surveyed in four coffee-growing municipalities said "
            "at least one member was preparing to migrate within the next year."
        ),
        "news": """<p>Nearly one in three households in four coffee-growing municipalities of western Honduras say at least one family member is preparing to migrate within the next year, according to a survey published this week by the Observatorio Rural de Occidente, an independent research group.</p><p>The survey, which covered 1,150 households, was carried out after weeks of heavy rain triggered landslides and root disease that destroyed an estimated <strong>40 percent of this season's harvest</strong> in the area. Most respondents said they had already taken on debt to pay for fertiliser and labour before the rains.</p><p>"A family that loses its harvest loses the whole year. There is no second crop to fall back on," said Dilcia Murillo Paz, the agronomist who coordinated the survey.</p><p>Respondents who planned to migrate mostly named the United States or Spain as destinations, but one in five said they would first try cities in Honduras. The observatory recommends debt relief for smallholders and emergency credit for replanting with more resilient varieties.</p>""",
        "analysis": """<p>Surveys about migration intentions should be read with care: many people who say they plan to leave never do. But the direction of these findings is consistent with what agronomists and local officials in the region have described for years. When climate shocks hit families already in debt, migration becomes a form of insurance.</p><p>The policy responses that work are not mysterious: replanting credit, crop insurance adapted to smallholders, and technical support for farms on steep slopes. They are also cheaper than the social cost of emptied villages. The obstacle is usually timing, because support arrives after families have already decided.</p><p>Watch whether the national coffee institute or the agriculture ministry announces replanting credit before the next planting window. That would indicate that the survey has been heard.</p>""",
        "section": "news",
        "countries": ["honduras"],
        "topics": ["climate", "migration"],
        "authors": ["marisol-quintanar", "tomas-berrio"],
        "days_ago": 39,
        "status": "published",
        "see_also": [],
        "related": [
            "northern-mexico-shelters-report-longer-stays",
            "drought-strands-river-communities-western-amazon",
        ],
        "translation": None,
    },
    {
        "slug": "reporter-in-southern-mexico-reports-surveillance",
        "title": "Reporter in southern Mexico reports surveillance; federal protection mechanism opens case",
        "summary": (
            "A reporter who covers land disputes says she has been followed and photographed "
            "for weeks. The federal mechanism for journalists has opened a file."
        ),
        "news": """<p>A reporter who covers land disputes in a southern Mexican state says she has been followed by unidentified men and photographed outside her home on at least six occasions since she published an investigation into the sale of communal land to a tourism developer.</p><p>Yesenia Balam Cauich, who runs a small independent news site, filed a complaint with state prosecutors and requested the support of the federal protection mechanism for human rights defenders and journalists. The mechanism confirmed on Wednesday that it had opened a file and would carry out a risk assessment.</p><p>In the meantime, the mechanism has given her a panic button linked to its emergency line. Balam Cauich said she would keep reporting. "If I stop, the message is that it works," she said.</p><p>The tourism developer named in her investigation said in a statement that it "rejects any form of intimidation" and had no knowledge of the incidents. State prosecutors said an investigation was under way.</p>""",
        "analysis": """<p>Mexico remains one of the most dangerous places in the world to practise journalism, and local reporters covering land, organised crime and municipal corruption face the greatest risks. Surveillance is often an early warning sign, which is why a quick response matters.</p><p>The federal protection mechanism has saved lives, but it has also been criticised by the journalists it protects for slow assessments and measures that do not fit local conditions. A panic button is a reasonable first step; it does nothing to identify who is behind the surveillance.</p><p>Watch the state prosecutors' investigation. In most cases of threats against journalists in Mexico nobody is ever charged, and that impunity is precisely what makes intimidation effective.</p>""",
        "section": "news",
        "countries": ["mexico"],
        "topics": ["press-freedom"],
        "authors": ["marisol-quintanar", "carmen-ibarguen"],
        "days_ago": 43,
        "status": "published",
        "see_also": [
            {
                "label": "A Colombian court orders protection for community radio reporters",
                "brief": "colombian-court-orders-protection-for-cauca-community-radio",
                "place": "analysis",
                "after_paragraph": 2,
            },
        ],
        "related": ["colombian-court-orders-protection-for-cauca-community-radio"],
        "translation": None,
    },
    {
        "slug": "brazil-offshore-wind-auction-fishing-cooperatives-object",
        # Reported with a partner outlet that keeps its rights: no republishing.
        "license": "all-rights-reserved",
        "title": "Fishing cooperatives object to Brazil's first offshore wind lease areas",
        "summary": (
            "Artisanal fishers in the north-east say proposed lease blocks overlap with their "
            "most productive grounds and ask for a joint mapping process."
        ),
        "news": """<p>Artisanal fishing cooperatives in north-eastern Brazil have formally objected to the government's proposed lease areas for the country's first offshore wind auction, saying several blocks overlap with fishing grounds that support thousands of families.</p><p>In a submission to the public consultation, which closed on Tuesday, a federation of 23 cooperatives attached maps drawn with fishers showing lobster and snapper grounds inside at least four of the proposed blocks. The federation asked the energy ministry to suspend the auction timetable until a joint mapping exercise is carried out.</p><p>"We are not against wind. We are against being erased from the map," said Josélia Rocha dos Anjos, a fisher and cooperative leader from the coast of Ceará.</p><p>The ministry said all contributions to the consultation would be analysed and that lease areas could still be adjusted before the auction. Industry associations have warned that delays would put planned investment at risk.</p>""",
        "analysis": """<p>Offshore wind could become an important part of Brazil's energy mix, and the north-east has some of the strongest and steadiest winds in the hemisphere. But the sea is already in use. Artisanal fishers rarely appear on official maps because their rights are customary and their grounds shift with the seasons.</p><p>The cooperatives' request for joint mapping is modest and practical. Planning the use of sea space with fishers at the start is far cheaper than years of conflict after turbines are installed. Brazil's onshore wind boom, which produced disputes with coastal communities over land and access, offers its own lessons.</p><p>Watch whether the final lease map, expected later this year, changes the blocks identified by the cooperatives, and whether the auction rules include any benefit-sharing scheme for fishing communities.</p>""",
        "section": "news",
        "countries": ["brazil"],
        "topics": ["energy", "climate"],
        "authors": ["joao-teixeira-prado"],
        "days_ago": 47,
        "status": "published",
        "see_also": [],
        "related": ["chile-tribunal-halts-green-hydrogen-port"],
        "translation": None,
    },
    {
        "slug": "peru-highland-health-posts-without-doctors",
        "title": "Rural health posts in Peru's southern highlands left without doctors after contracts lapse",
        "summary": (
            "At least 38 posts in two provinces have had no physician for over a month after "
            "temporary contracts funded by a regional programme expired without renewal."
        ),
        "news": """<p>At least 38 rural health posts in two provinces of Peru's southern highlands have been without a doctor for more than a month after temporary contracts funded by a regional programme expired and were not renewed, according to a health workers' union.</p><p>The posts, many of them above 3,800 metres, are now staffed only by nurses and technicians, who say they are referring patients to provincial hospitals several hours away by road. The union says at least two women in labour had to be transferred in unsafe conditions.</p><p>The regional health directorate said the contracts expired because of a delay in the transfer of funds from the national budget and that new hiring would begin "as soon as the resources are available." It did not give a date.</p><p>"The posts are open, but people come and there is no one to see them," said Justina Ccahuana Huamán, a nursing technician at one of the posts. "They go home and wait."</p>""",
        "analysis": """<p>Peru's rural health network depends heavily on temporary contracts, which makes it vulnerable to any delay in budget transfers. Each lapse leaves communities without care for weeks, and each time doctors leave, some do not come back.</p><p>The deeper problem is retention. Young doctors serve in remote posts for a mandatory period and then move to cities, where pay and conditions are better. Incentive schemes exist but are small and irregularly paid. Without stable positions and housing for staff, the highlands will keep losing doctors faster than they can be hired.</p><p>Watch for the release of the delayed funds, and for whether the regional government converts any of the temporary posts into permanent positions. The union has asked for at least half of them to be made permanent.</p>""",
        "section": "news",
        "countries": ["peru"],
        "topics": ["health"],
        "authors": ["elena-huarachi", "ines-valdivieso"],
        "days_ago": 52,
        "status": "published",
        "see_also": [],
        "related": ["northern-argentina-province-expands-mobile-clinics-dengue"],
        "translation": None,
    },
    {
        "slug": "colombian-judge-returns-land-to-embera-community",
        "title": "Colombian judge orders return of 3,200 hectares to Emberá community",
        "summary": (
            "A land restitution ruling recognises that the community was displaced by armed "
            "groups two decades ago and orders occupants who cannot prove good faith to leave."
        ),
        "news": """<p>A land restitution judge in north-western Colombia has ordered the return of 3,200 hectares to the Emberá community of Dojura Alto, recognising that its members were forced off the land by armed groups about twenty years ago and that cattle ranches were later established on part of the territory.</p><p>The ruling orders the national land agency to formally expand the community's <em>resguardo</em>, a collectively owned Indigenous reserve, and gives occupants who cannot prove good faith six months to leave. It also orders health, education and housing programmes for returning families.</p><p>"Our grandparents are buried there. We have waited a long time to go back to them," said the community's governor, Arcesio Domicó Carupia.</p><p>Lawyers for two ranchers said they would appeal, arguing that their clients bought the land legally and had no knowledge of the displacement. Under Colombia's restitution law, the burden falls on occupants to show they acted in good faith.</p>""",
        "analysis": """<p>Land restitution was one of the central promises of Colombia's transitional justice framework, and ethnic territories were meant to be a priority. In practice, collective cases have moved slowly, partly because they involve large areas, overlapping claims and the continued presence of armed groups.</p><p>A ruling is only the first step. Many communities that have won restitution cases are still waiting for the orders to be carried out, and returns to areas where armed groups remain active can put families at risk. The judge's orders on health, education and housing reflect that return requires more than a title.</p><p>Watch the appeal, the security assessment for returning families, and whether the land agency meets the deadlines set in the ruling. Compliance reports are public and are the best way to track progress.</p>""",
        "section": "news",
        "countries": ["colombia"],
        "topics": ["courts", "indigenous-land"],
        "authors": ["tomas-berrio"],
        "days_ago": 56,
        "status": "published",
        "see_also": [
            {
                "label": "More from Colombia",
                "country": "colombia",
                "place": "news",
                "after_paragraph": 4,
            },
        ],
        "related": ["colombian-court-orders-protection-for-cauca-community-radio"],
        "translation": None,
    },
    # Draft: not visible on the site until an editor publishes it.
    {
        "slug": "lithium-brine-permits-argentina-puna",
        "title": "Water questions hang over new lithium brine permits in Argentina's puna",
        "summary": (
            "A provincial mining authority approved two extraction permits in a salt flat basin "
            "where Indigenous communities say freshwater springs are weakening."
        ),
        "news": """<p>The mining authority of a province in Argentina's north-western puna has approved two permits for lithium extraction from brine in the Laguna Colorada Chica basin, a salt flat where several Indigenous communities herd llamas and goats and depend on freshwater springs at the basin's edges.</p><p>The permits allow two companies to pump brine into evaporation ponds for an initial period of ten years. The authority said both projects had submitted hydrogeological studies showing that brine extraction would not affect freshwater sources.</p><p>Community representatives dispute that conclusion. They say at least three springs have weakened since exploration drilling began and that the studies were not shared with them before the permits were approved. They have requested a joint monitoring programme and a public hearing.</p>""",
        "analysis": """<p>Argentina's lithium boom is unfolding across provinces with different rules and very different capacity to supervise mining. In the puna, the central question is hydrological: how brine extraction affects the fresh water that communities and wildlife depend on. Scientists still disagree about the answer, partly because baseline data are thin.</p><p>That uncertainty is an argument for shared monitoring and open data, not for waiting. Once springs are lost in a closed basin, there is little anyone can do to bring them back, and herding communities have few other sources of water.</p><p>Watch whether the provincial authority publishes the hydrogeological studies in full, and whether it agrees to the public hearing the communities have requested before any pumping begins.</p>""",
        "section": "news",
        "countries": ["argentina"],
        "topics": ["mining", "water"],
        "authors": ["antonia-rengifo"],
        "days_ago": 2,
        "status": "draft",
        "see_also": [],
        "related": ["peru-regulator-suspends-tailings-expansion-at-condorhuasi"],
        "translation": None,
    },
    # Scheduled: published status, but the publication date is in the future.
    {
        "slug": "bolivia-judicial-vote-candidate-lists",
        "title": "Bolivia's judicial vote: what the candidate lists show",
        "summary": (
            "Ahead of the popular vote for the country's top courts, our review of the approved "
            "candidate lists finds few candidates from outside the main cities' legal establishment."
        ),
        "news": """<p>Bolivians will vote next month to choose judges for the country's highest courts, in one of the few systems in the world where top judicial posts are filled by popular election. The legislature approved the final candidate lists last week after a pre-selection process that was delayed several times.</p><p>A review by Quebrada Press of the 96 approved candidates' public résumés found that 71 had spent most of their careers in La Paz or Santa Cruz, and that only 9 had served as judges in rural areas or worked within Indigenous justice systems. Women make up half of the lists, as the law requires.</p><p>Candidates are barred from campaigning, and voters receive only official summaries of their résumés. Civil society groups have organised forums in several cities to fill the gap, but attendance has been low.</p>""",
        "analysis": """<p>Bolivia's experiment with electing judges was meant to bring the courts closer to citizens and loosen the grip of party negotiations on appointments. Previous rounds produced high numbers of null and blank votes, a sign that many voters felt they had no basis on which to choose.</p><p>Our review suggests that the pool of candidates remains narrow, and that the rural and Indigenous experience the reform promised to bring into the courts is still scarce. Without campaigns or debates, most voters will be choosing between names they do not know.</p><p>Watch the share of null and blank votes on election day, and whether the legislature revisits the pre-selection rules afterwards.</p>""",
        "section": "news",
        "countries": ["bolivia"],
        "topics": ["elections", "courts"],
        "authors": ["elena-huarachi"],
        "days_ago": -3,
        "status": "published",
        "see_also": [
            {
                "label": "Guatemala disqualifies three municipal slates",
                "brief": "guatemala-tribunal-disqualifies-municipal-slates",
                "place": "analysis",
                "after_paragraph": 3,
            },
        ],
        "related": ["guatemala-tribunal-disqualifies-municipal-slates"],
        "translation": None,
    },
    # ---------------------------------------------------------- organization
    {
        "slug": "announcing-community-reporting-fellowship",
        "title": "Applications open for our first community reporting fellowship",
        "summary": (
            "Six reporters from rural, Indigenous and Afro-descendant communities will join us "
            "for nine months of paid training, editing support and bilingual publication."
        ),
        "news": """<p>Quebrada Press is opening applications for its first Community Reporting Fellowship, a nine-month programme for six reporters who live in rural, Indigenous or Afro-descendant communities in Latin America and want to cover the issues that shape their territories.</p><p>Fellows will receive a monthly stipend, a basic equipment grant and weekly editing sessions with our desk. Their work will be published in English and Spanish under the same Creative Commons licence as the rest of our briefs, and we will help place it with partner community radio stations. We especially welcome applicants who report in an Indigenous language; we will pay for translation.</p><p>No degree or previous publication is required. We are looking for curiosity, care with facts and a connection to the place you want to cover. Applications close in five weeks, and we will reply to every applicant.</p><p>The fellowship is funded by reader donations and a grant from a regional press freedom fund. Neither has any say over what fellows report.</p>""",
        "analysis": "",
        "section": "organization",
        "countries": [],
        "topics": ["press-freedom", "indigenous-land"],
        "authors": ["carmen-ibarguen"],
        "days_ago": 6,
        "status": "published",
        "see_also": [
            {
                "label": "Read the guidelines and apply",
                "url": "https://example.org/fellowship/apply",
                "place": "news",
                "after_paragraph": 3,
            },
        ],
        "related": [],
        "translation": {
            "slug": "convocatoria-beca-de-periodismo-comunitario",
            # The labels of the original's see-also links, in order.
            "see_also_labels": ["Lee las bases y postula"],
            "title": "Abrimos la convocatoria de nuestra primera beca de periodismo comunitario",
            "summary": (
                "Seis reporteras y reporteros de comunidades rurales, indígenas y "
                "afrodescendientes se sumarán durante nueve meses a un programa remunerado de "
                "formación, edición y publicación bilingüe."
            ),
            "news": """<p>Quebrada Press abre la convocatoria de su primera Beca de Periodismo Comunitario, un programa de nueve meses para seis reporteras y reporteros que viven en comunidades rurales, indígenas o afrodescendientes de América Latina y quieren cubrir los temas que marcan sus territorios.</p><p>Las personas becadas recibirán un estipendio mensual, un apoyo básico para equipo y sesiones semanales de edición con nuestra mesa. Su trabajo se publicará en español y en inglés con la misma licencia Creative Commons que el resto de nuestras notas, y les ayudaremos a difundirlo en radios comunitarias aliadas. Damos especial bienvenida a quienes informan en una lengua indígena: nosotros pagamos la traducción.</p><p>No se exige título universitario ni experiencia previa de publicación. Buscamos curiosidad, rigor con los datos y un vínculo con el lugar que quieres cubrir. La convocatoria cierra en cinco semanas y responderemos a todas las postulaciones.</p><p>La beca se financia con donaciones de nuestros lectores y con un aporte de un fondo regional para la libertad de prensa. Ninguno de los dos tiene voz sobre lo que publiquen las personas becadas.</p>""",
            "analysis": "",
        },
    },
    {
        "slug": "our-funding-last-year-transparency-report",
        "title": "Where our money came from last year",
        "summary": (
            "Our annual transparency report: 61 percent of our income came from individual "
            "readers, and no single donor gave more than 8 percent."
        ),
        "news": """<p>Every year we publish a breakdown of where our money comes from, because readers who rely on our reporting should know who pays for it. Last year our total income was 412,000 US dollars, up from 338,000 the year before.</p><ul><li><strong>Individual readers:</strong> 61 percent, from about 5,300 donors, with a median gift of 6 dollars a month.</li><li><strong>Foundation grants:</strong> 27 percent, from four foundations, none of them linked to governments, political parties or extractive industries.</li><li><strong>Republishing and training fees:</strong> 9 percent.</li><li><strong>Other:</strong> 3 percent, mostly ticket sales for public events.</li></ul><p>No single donor contributed more than 8 percent of our income. We do not accept money from governments, political parties, mining or energy companies, or anyone we are currently reporting on. Donors have no role in editorial decisions and never see stories before publication.</p><p>About 72 percent of our spending went to reporting and editing, 18 percent to technology and administration, and 10 percent to fundraising. <a href="https://example.org/about/transparency">The full report</a>, including the names of the four foundations, is available on our website.</p>""",
        "analysis": "",
        "section": "organization",
        "countries": [],
        "topics": ["press-freedom"],
        "authors": ["carmen-ibarguen"],
        "days_ago": 21,
        "status": "published",
        "see_also": [
            {
                "label": "Download the full transparency report (PDF)",
                "url": "https://example.org/about/transparency-report.pdf",
                "place": "news",
                "after_paragraph": 3,
            },
        ],
        "related": [],
        "translation": None,
    },
    {
        "slug": "community-radio-republishing-partnership",
        "title": "Community radio stations can now republish our briefs in full",
        "summary": (
            "A new partnership with a network of 40 community stations lets them read our "
            "briefs on air, in Spanish or Indigenous languages, free of charge."
        ),
        "news": """<p>Starting this month, a network of 40 community radio stations in Colombia, Ecuador, Peru and Bolivia will read our briefs on air and republish them on their websites, adapting them into local Indigenous languages where they choose.</p><p>Our briefs have always been published under a Creative Commons Attribution-NonCommercial licence (CC BY-NC 3.0), which already allows anyone to republish them with credit and without charge. The new agreement goes further: we will send partner stations a weekly selection in a script-ready format, and stations will send us tips and local audio that our reporters can follow up.</p><p>Stations will not pay for the content, and we will not pay them for tips. Each partner has agreed to credit Quebrada Press on air and to broadcast any correction we issue within 24 hours. We, in turn, will credit stations whenever their reporting contributes to one of our briefs.</p><p>If you run a community station and would like to join, write to our partnerships desk.</p>""",
        "analysis": "",
        "section": "organization",
        "countries": [],
        "topics": ["press-freedom"],
        "authors": ["carmen-ibarguen"],
        "days_ago": 44,
        "status": "published",
        "see_also": [
            {
                "label": "Why community radio matters: our Cauca coverage",
                "brief": "colombian-court-orders-protection-for-cauca-community-radio",
                "place": "news",
                "after_paragraph": 1,
            },
        ],
        "related": ["colombian-court-orders-protection-for-cauca-community-radio"],
        "translation": None,
    },
]

# ---------------------------------------------------------------------------
# Building blocks for deterministic synthetic briefs (load testing, pagination).
# ---------------------------------------------------------------------------

# Featured images, drawn by briefs/demo_images.py (kind and seed); Spanish alt
# text and caption for the translations. All invented illustrations.
CREDIT = "Illustration: Quebrada Press graphics desk"
CREDIT_ES = "Ilustración: mesa gráfica de Quebrada Press"
BRIEF_IMAGES = {
    "chile-extends-drought-decree-central-valleys": {
        "kind": "bars",
        "seed": 1,
        "alt": "Bar chart: reservoir storage in the central valleys falling over ten months, the last bar in red.",
        "caption": "Reservoir storage, month by month (illustrative).",
    },
    "peru-regulator-suspends-tailings-expansion-at-condorhuasi": {
        "kind": "line",
        "seed": 2,
        "alt": "Line chart: sulfate readings downstream of the mine rising above a red line marking the national limit.",
        "caption": "Sulfate readings by community monitors against the national limit (illustrative).",
        "alt_es": "Gráfico de líneas: las mediciones de sulfatos aguas abajo de la mina superan una línea roja que marca el límite nacional.",
        "caption_es": "Mediciones de sulfatos de los monitores comunitarios frente al límite nacional (ilustrativo).",
    },
    "northern-mexico-shelters-report-longer-stays": {
        "kind": "bars",
        "seed": 3,
        "alt": "Bar chart: the average stay in shelters over ten quarters, the latest in red.",
        "caption": "Average stay in the network's shelters, by quarter (illustrative).",
        "alt_es": "Gráfico de barras: la estancia promedio en los albergues durante diez trimestres, el último en rojo.",
        "caption_es": "Estancia promedio en los albergues de la red, por trimestre (ilustrativo).",
    },
    "drought-strands-river-communities-western-amazon": {
        "kind": "river",
        "seed": 4,
        "alt": "Map-like drawing: a winding river through green forest, with sandbanks along its banks and villages as white dots.",
        "caption": "The stretch of river where boats can no longer pass (schematic).",
        "alt_es": "Dibujo a modo de mapa: un río sinuoso entre el bosque verde, con bancos de arena en sus orillas y aldeas como puntos blancos.",
        "caption_es": "El tramo del río por el que ya no pasan las embarcaciones (esquema).",
    },
    "bolivian-irrigators-win-seat-on-basin-authority": {
        "kind": "contours",
        "seed": 5,
        "alt": "Contour map of a highland basin, with a red marker at its headwaters.",
        "caption": "The Khollpa basin, from the headwaters down (schematic).",
        "alt_es": "Mapa de curvas de nivel de una cuenca altoandina, con un marcador rojo en sus nacientes.",
        "caption_es": "La cuenca del Khollpa, de las nacientes hacia abajo (esquema).",
    },
    "ecuador-parish-votes-on-gold-exploration-near-paramo": {
        "kind": "contours",
        "seed": 6,
        "alt": "Contour map of high wetlands, with a red marker where the concession begins.",
        "caption": "Páramo and concession around San Isidro de Yacupamba (schematic).",
    },
    "lithium-brine-permits-argentina-puna": {
        "kind": "salt",
        "seed": 7,
        "alt": "Drawing of white salt flats on brown high plateau, with blue evaporation ponds.",
        "caption": "Salt flats and brine ponds in the puna (schematic).",
    },
    "brazil-offshore-wind-auction-fishing-cooperatives-object": {
        "kind": "river",
        "seed": 8,
        "alt": "Map-like drawing of a coastline and channel, with fishing grounds as white dots.",
        "caption": "Fishing grounds near the auctioned areas (schematic).",
    },
}
# The publication's share image, for briefs without one of their own.
SHARE_IMAGE = {"kind": "banner", "seed": 9}

GENERATED_SUBJECTS = [
    "river basin council",
    "regional electoral board",
    "provincial health directorate",
    "community water committee",
    "municipal transport authority",
    "Indigenous territorial government",
    "mining cooperative federation",
    "coastal fishers' association",
    "departmental land agency",
    "rural teachers' union",
    "highland irrigation federation",
    "public defender's office",
    "community seed bank",
    "border shelter network",
    "forest guardians' collective",
    "provincial energy regulator",
    "small farmers' credit union",
    "regional environmental tribunal",
    "community radio network",
    "municipal housing institute",
    "coffee growers' cooperative",
    "watershed monitoring committee",
    "neighbourhood health council",
    "port workers' federation",
    "regional statistics office",
    "rural electrification agency",
    "provincial audit court",
    "wetlands protection trust",
    "student federation",
    "market vendors' association",
]

GENERATED_VERBS = [
    "approves new budget for",
    "opens an inquiry into",
    "suspends the permits of",
    "signs an agreement with",
    "publishes an audit of",
    "rejects a proposal from",
    "extends emergency support to",
    "files a complaint against",
    "calls for a public hearing on",
    "announces a review of",
    "doubles funding for",
    "delays a decision on",
    "questions the data behind",
    "launches a pilot programme with",
    "withdraws from talks with",
    "requests documents from",
    "expands monitoring of",
    "reaches a settlement with",
    "postpones elections for",
    "sets new rules for",
]

GENERATED_SENTENCES = [
    "Officials said the measure would take effect next month, pending approval by the regional assembly and publication in the official gazette.",
    "Community representatives said they had not been consulted and would ask for a public meeting before any further steps were taken.",
    "The agency did not respond to repeated requests for comment by the time of publication.",
    "Local residents described the decision as overdue, saying they had raised the same concerns in writing for more than two years.",
    "According to figures released on Tuesday, the number of affected households has roughly doubled since the start of the dry season.",
    "The proposal still needs the approval of two committees before it can be put to a final vote.",
    "A spokesperson for the company said it complied with all applicable regulations and would cooperate fully with the review.",
    "Independent researchers cautioned that the available data cover only part of the region and may understate the scale of the problem.",
    "The ruling can be appealed within ten working days, and lawyers for both sides said they were studying their options.",
    "Several municipalities have already adopted similar rules, with mixed results according to a review published last year.",
    "The budget allocated for the programme is smaller than the amount requested by the provincial government in its original plan.",
    "Farmers in the valley said they would postpone planting until there was more certainty about water deliveries this season.",
    "The committee meets once a month, and its minutes are published on the municipal website with a delay of several weeks.",
    "Union leaders said the agreement was a first step but warned that they would resume protests if deadlines were missed.",
    "The report recommends clearer criteria for allocating funds and an independent body to monitor how the money is spent.",
    "Health workers said staff shortages were most acute in posts located more than two hours from the nearest hospital.",
    "The electoral board said it would publish the full list of registered candidates on its website by the end of the week.",
    "Residents gathered outside the town hall on Thursday morning to deliver a petition signed by more than a thousand people.",
    "The project's environmental impact study is available for public consultation for thirty days at the regional office.",
    "Quebrada Press was unable to independently verify the figures cited in the statement.",
    "Fishers said catches had fallen noticeably over the past three seasons, although official landing data have not been updated.",
    "The authority has promised to release monthly progress reports, the first of which is expected before the end of the quarter.",
    "Teachers in the district said that attendance had dropped sharply since the bridge connecting several villages was damaged.",
    "The cooperative said it would use the funds to repair storage facilities and train younger members in bookkeeping.",
    "Legal experts consulted for this brief disagreed on whether the new rule conflicts with existing national legislation.",
    "The measure applies to new permits only, leaving dozens of existing operations under the previous and less strict regime.",
    "Organisers said the meeting was the largest of its kind in the province in more than a decade.",
    "The agreement includes a clause allowing either party to withdraw with ninety days' notice.",
    "Officials acknowledged that the emergency wells were a temporary solution and that a longer-term plan was still being drafted.",
    "Community monitors collected samples at six points along the river and sent them to an accredited laboratory for analysis.",
    "The delay has left several families without a clear date for their return to the land they were forced to leave.",
    "Observers from two universities will accompany the process and publish an independent assessment when it concludes.",
    "The regional government said it had received the request and would respond within the period established by law.",
    "Transport operators warned that fares could rise if the fuel subsidy is reduced as planned later this year.",
    "The station broadcasts in Spanish and in two Indigenous languages, reaching listeners in more than thirty rural communities.",
    "The audit found that about a fifth of the funds had been spent without the supporting documents required by regulations.",
    "Neighbourhood councils said they would organise their own count of affected homes if official figures were not published soon.",
    "Researchers said the new monitoring stations would help close gaps in rainfall data that have existed for many years.",
    "The hearing was adjourned until next week after the defence asked for more time to review new documents.",
    "Both sides agreed to meet again in a month to assess progress on the commitments made during the talks.",
]

GENERATED_SENTENCES_ES = [
    "Las autoridades indicaron que la medida entrará en vigor el próximo mes, una vez que la apruebe la asamblea regional.",
    "Representantes comunitarios afirmaron que no fueron consultados y pidieron una reunión pública antes de cualquier otro paso.",
    "La entidad no respondió a las reiteradas solicitudes de comentarios hasta el cierre de esta edición.",
    "Según cifras divulgadas el martes, el número de hogares afectados casi se duplicó desde el inicio de la temporada seca.",
    "El fallo puede apelarse dentro de los diez días hábiles siguientes, y los abogados de ambas partes estudian sus opciones.",
    "Los agricultores del valle dijeron que postergarán la siembra hasta tener más certeza sobre la entrega de agua.",
    "El informe recomienda criterios más claros para asignar los fondos y un organismo independiente que vigile su uso.",
    "El personal de salud señaló que la falta de médicos es más grave en las postas ubicadas a más de dos horas del hospital.",
    "Decenas de vecinos se reunieron el jueves frente a la alcaldía para entregar una petición firmada por más de mil personas.",
    "Quebrada Press no pudo verificar de manera independiente las cifras citadas en el comunicado.",
    "Los pescadores aseguran que las capturas han caído en las últimas tres temporadas, aunque los datos oficiales no se han actualizado.",
    "La cooperativa informó que usará los recursos para reparar sus almacenes y capacitar a sus socios más jóvenes en contabilidad.",
    "Los expertos consultados para esta nota no coinciden en si la nueva norma contradice la legislación nacional vigente.",
    "La medida solo se aplica a los permisos nuevos, por lo que decenas de operaciones existentes siguen bajo el régimen anterior.",
    "Monitores comunitarios tomaron muestras en seis puntos del río y las enviaron a un laboratorio acreditado para su análisis.",
    "La demora deja a varias familias sin una fecha clara para regresar a las tierras que se vieron obligadas a abandonar.",
    "La emisora transmite en español y en dos lenguas indígenas, y llega a oyentes de más de treinta comunidades rurales.",
    "La auditoría encontró que cerca de una quinta parte de los fondos se gastó sin los documentos de respaldo exigidos.",
    "La audiencia se suspendió hasta la próxima semana después de que la defensa pidiera más tiempo para revisar nuevos documentos.",
    "¿Qué pasará con las comunidades río abajo? Esa es la pregunta que ninguna de las partes ha respondido todavía.",
]
