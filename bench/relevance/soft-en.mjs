/**
 * English stories on everything else an archive holds (sport, culture, weather, science, health),
 * including the lookalikes that a too-eager analyser would confuse with the political topics:
 * "universe" (university), "sanctuary" (sanction), "organ" (organization), Sudan (al-Sudani),
 * Al-Qassim (Qassem), Khomeini (Khamenei), King Salman (Mohammed bin Salman).
 *
 * INCIDENTAL_EN sentences use the bare word of a political topic in passing ("the embassy district",
 * "a sanction on the club"): as in a real archive, the singular exists everywhere, so typo tolerance
 * cannot stand in for stemming. They never make a story relevant to that topic.
 */

export const SOFT_EN = {
  football: {
    people: [],
    variants: [
      {
        title: (c) => `${c.city} side wins derby ${c.num(2, 4)}-${c.num(0, 1)}`,
        lead: (c) => `The ${c.city} side won the derby ${c.num(2, 4)}-${c.num(0, 1)} on ${c.date}, with ${c.player} scoring twice.`,
        more: [
          (c) => `${c.player} opened the scoring after ${c.num(5, 40)} minutes with a header.`,
          () => `The coach praised the defence and said the title race was open.`,
          () => `The stadium was sold out for the first time this season.`,
          () => `The federation said it would sanction the visiting club over crowd trouble.`,
        ],
      },
    ],
    background: () => `The league resumes after the international break.`,
  },
  festival: {
    people: [],
    variants: [
      {
        title: (c) => `${c.city} film festival opens with a record programme`,
        lead: (c) => `The ${c.city} film festival opened on ${c.date} with ${c.num(60, 140)} films from ${c.num(20, 45)} countries.`,
        more: [
          () => `The opening film, a drama about a fishing family, drew a standing ovation.`,
          () => `Organisers said ticket sales were up on last year.`,
          () => `A jury of critics and directors will award prizes on the final night.`,
        ],
      },
    ],
    background: () => `The city hosts its annual film festival next month.`,
  },
  heatwave: {
    people: [],
    variants: [
      {
        title: (c) => `Heatwave pushes temperatures past ${c.num(48, 52)}C in ${c.city}`,
        lead: (c) => `Temperatures passed ${c.num(48, 52)} degrees Celsius in ${c.city} on ${c.date}, and offices closed early.`,
        more: [
          () => `Doctors urged people to stay indoors during the afternoon.`,
          () => `Demand for power hit a record as air conditioners ran day and night.`,
          () => `Forecasters expect the heat to ease by the weekend.`,
        ],
      },
    ],
    background: () => `A heatwave has strained the power grid.`,
  },
  health: {
    people: [],
    variants: [
      {
        title: (c) => `WHO backs measles vaccination drive in ${c.country}`,
        lead: (c) => `The World Health Organization is backing a measles vaccination drive in ${c.country} that began on ${c.date}.`,
        more: [
          (c) => `The World Health Organization said ${c.num(1, 4)} million children would be vaccinated.`,
          (c) => `Health workers will visit schools and remote villages near ${c.city}.`,
          () => `The organization warned that outbreaks had risen in the region.`,
        ],
      },
    ],
    background: () => `Health officials are also running a vaccination campaign.`,
  },
  organ_donation: {
    people: [],
    variants: [
      {
        title: (c) => `Organ donation rises in ${c.country}`,
        lead: (c) => `Organ donation in ${c.country} rose by ${c.num(10, 40)} per cent last year, a hospital in ${c.city} said on ${c.date}.`,
        more: [
          () => `Each organ donor can save up to eight lives, doctors said.`,
          () => `A new registry lets people record their wish to donate an organ.`,
          () => `Waiting lists for a kidney or liver remain long.`,
        ],
      },
    ],
    background: () => `Hospitals are also campaigning for more organ donors.`,
  },
  astronomy: {
    people: [],
    variants: [
      {
        title: (c) => `Observatory near ${c.city} opens to the public`,
        lead: (c) => `A new observatory near ${c.city} opened to the public on ${c.date}, offering views of the early universe.`,
        more: [
          () => `Astronomers said the telescope would help map the expansion of the universe.`,
          () => `School groups can book night visits to watch the planets.`,
          () => `The universe seen from the desert is darker than from any city, its director said.`,
        ],
      },
    ],
    background: () => `Astronomers plan a night of public stargazing.`,
  },
  wildlife: {
    people: [],
    variants: [
      {
        title: (c) => `Wildlife sanctuary near ${c.city} welcomes rare leopards`,
        lead: (c) => `A wildlife sanctuary near ${c.city} received ${c.num(2, 4)} rare leopards on ${c.date}.`,
        more: [
          (c) => `The sanctuary protects ${c.num(10, 60)} square kilometres of mountain habitat.`,
          () => `Rangers at the sanctuary track the animals with collars.`,
          () => `Visitors will be allowed into parts of the sanctuary from the spring.`,
        ],
      },
    ],
    background: () => `Conservationists want the area declared a sanctuary.`,
  },
  charity: {
    people: [],
    variants: [
      {
        title: (c) => `Generous donors fund new school in ${c.city}`,
        lead: (c) => `Generous donors paid for a new school in ${c.city} that opened on ${c.date}.`,
        more: [
          () => `The charity thanked its donors for their generosity.`,
          (c) => `The school will teach ${c.num(300, 900)} pupils.`,
        ],
      },
    ],
    background: () => `Local charities have raised money for families in need.`,
  },
  sudan_war: {
    people: [],
    variants: [
      {
        title: () => `Fighting in Sudan displaces thousands more`,
        lead: (c) => `Fighting in Sudan forced ${c.num(10, 90)},000 more people from their homes, aid agencies said on ${c.date}.`,
        more: [
          () => `Sudanese families crossed into Chad and Egypt with few belongings.`,
          () => `Aid groups said food in Sudan's western region was running out.`,
          (c) => `Mediators from ${c.country} urged the Sudanese parties to agree a truce.`,
        ],
      },
    ],
    background: () => `The war in Sudan has displaced millions.`,
  },
  qassim_dates: {
    people: [],
    variants: [
      {
        title: () => `Qassim date festival draws buyers from across the Gulf`,
        lead: (c) => `The annual date festival in Al-Qassim province opened on ${c.date}, drawing traders from across the Gulf.`,
        more: [
          () => `Farmers in Qassim say this year's harvest is the best in a decade.`,
          () => `Buraidah, the capital of Qassim, hosts the largest date market in the region.`,
        ],
      },
    ],
    background: () => `Date exports from Qassim have grown.`,
  },
  khomeini_anniv: {
    people: ['khomeini'],
    variants: [
      {
        title: () => `Crowds mark anniversary of Khomeini's death`,
        lead: (c) => `Crowds gathered at the mausoleum south of Tehran on ${c.date} to mark the anniversary of the death of ${c.who}.`,
        more: [
          (c) => `${c.name} led the 1979 revolution and died in 1989.`,
          (c) => `Speakers at the ceremony quoted ${c.name}'s writings on independence.`,
        ],
      },
    ],
    background: () => `The week also marks the anniversary of the revolution.`,
  },
  king_health: {
    people: ['kingsalman'],
    variants: [
      {
        title: () => `King Salman undergoes medical tests`,
        lead: (c) => `${c.who} underwent routine medical tests at a hospital in ${c.city} on ${c.date}, the royal court said.`,
        more: [
          (c) => `The royal court said ${c.name} was in good health.`,
          (c) => `${c.name}, who is in his late eighties, has ruled since 2015.`,
        ],
      },
    ],
    background: () => `The royal court has released few details about the king's health.`,
  },
};

export const PLAYERS_EN = ['Ali Qasim', 'Omar Kassem', 'Hussein Ali', 'Ahmed Yasin', 'Mohammed Salman'];

export const INCIDENTAL_EN = [
  (c) => `The event was held in a hall next to the old ${c.adj} embassy.`,
  (c) => `Fans watched on big screens in the embassy district of ${c.city}.`,
  () => `The league said it would sanction any club that fielded ineligible players.`,
  () => `A drone filmed the opening ceremony from above.`,
  () => `The thriller "The Prisoner" was the most watched film of the week.`,
  () => `The coach lodged a protest with the referee after the match.`,
  (c) => `The old refinery district of ${c.city} now hosts galleries and cafés.`,
  () => `A university choir sang at the closing ceremony.`,
  () => `The club's annual election of board members was postponed.`,
  () => `The negotiation over the striker's transfer fee took weeks.`,
  () => `An export licence was needed for the antique manuscripts on show.`,
  () => `The investment banker turned novelist signed copies of her book.`,
  () => `Tickets sold out within an hour.`,
  (c) => `The organisers thanked the ${c.city} municipality for its support.`,
  () => `A flight of steps leads up to the old citadel.`,
];

/** Neutral sentences any story may end with (no topic, no name). */
export const CONTEXT_EN = [
  (c) => `Officials in ${c.city} declined to comment further.`,
  () => `The statement was carried by the official news agency.`,
  () => `Analysts said the coming weeks would show whether the move would hold.`,
  () => `The announcement came as regional tensions remained high.`,
  () => `Local media published photographs of the scene.`,
  () => `The ministry said more details would be released later.`,
  (c) => `Residents of ${c.city} said they were following the news closely.`,
  () => `A spokesman did not give a timetable.`,
  () => `State television broadcast the remarks in full.`,
];
