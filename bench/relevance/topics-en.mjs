/**
 * English story templates. A topic has variants; one article keeps to one variant, so one story says
 * "embassies" throughout and another "embassy" (as real copy does: the form follows the story).
 * `background` is the one sentence a story on another topic spends on this one (secondary topic).
 * `people` are who may lead the story. Each template is (c) => string over the context built in
 * archive.mjs (c.city, c.country, c.adj, c.country2, c.date, c.num(), c.who, c.name, c.pick()).
 */

export const TOPICS_EN = {
  embassy: {
    people: ['araghchi', 'faisal', 'fidan', 'busaidi'],
    variants: [
      {
        title: (c) => `${c.country} to reopen embassy in ${c.city}`,
        lead: (c) => `${c.country} will reopen its embassy in ${c.city} on ${c.date}, ${c.num(2, 9)} years after ties were cut, ${c.who} said.`,
        more: [
          (c) => `The embassy will first be run by a chargé d'affaires, and an ambassador is expected within ${c.num(2, 6)} months.`,
          (c) => `Workers were seen repainting the embassy gate and the consular section on ${c.date}.`,
          (c) => `${c.name} said the reopening of the embassy showed that dialogue was working.`,
          () => `The embassy had been closed since crowds stormed its compound in 2016.`,
        ],
      },
      {
        title: (c) => `${c.country} and ${c.country2} agree to restore embassies`,
        lead: (c) => `${c.country} and ${c.country2} agreed to restore their embassies within ${c.num(2, 3)} months, ${c.who} said in ${c.city} on ${c.date}.`,
        more: [
          () => `Both embassies are expected to resume visa services for pilgrims and traders before the summer.`,
          () => `Technical teams visited the two embassies last week to inspect the buildings.`,
          (c) => `${c.name} said reopened embassies would ease the lives of thousands of families.`,
          () => `Diplomats said the embassies would open with reduced staff at first.`,
        ],
      },
    ],
    background: (c) => `The talks come weeks after ${c.country} and ${c.country2} restored their embassies.`,
  },
  sanctions: {
    people: ['pezeshkian', 'araghchi', 'ghalibaf', 'larijani'],
    variants: [
      {
        title: (c) => `New sanctions target ${c.adj} oil and shipping`,
        lead: (c) => `Western governments announced new sanctions on ${c.adj} oil and shipping firms on ${c.date}, drawing an angry response from ${c.who}.`,
        more: [
          (c) => `The sanctions freeze the assets of ${c.num(6, 30)} companies and bar dealings with ${c.num(3, 12)} tankers.`,
          (c) => `${c.name} said the sanctions were illegal and would not change the country's policy.`,
          (c) => `Economists in ${c.city} said the sanctions would push the currency lower.`,
          (c) => `Traders said the sanctions had already raised insurance costs for ships calling at ${c.adj} ports.`,
        ],
      },
      {
        title: (c) => `Washington blacklists ${c.num(3, 12)} firms over ${c.adj} oil trade`,
        lead: (c) => `The US Treasury sanctioned ${c.num(3, 12)} trading firms and a shipping network it accused of selling ${c.adj} crude, ${c.who} said on ${c.date}.`,
        more: [
          () => `Officials said they were sanctioning the network for moving oil worth billions through front companies.`,
          (c) => `The sanctioned firms are registered in ${c.city}, Dubai and Hong Kong.`,
          (c) => `${c.name} called the blacklisting economic warfare and said the country would find other buyers.`,
          (c) => `Two tankers owned by the sanctioned companies were anchored off the coast on ${c.date}.`,
        ],
      },
    ],
    background: (c) => `The visit follows fresh sanctions on ${c.adj} oil exports announced in Washington.`,
  },
  talks: {
    people: ['araghchi', 'busaidi', 'thani', 'grossi', 'larijani'],
    variants: [
      {
        title: (c) => `Nuclear negotiations resume in ${c.city}`,
        lead: (c) => `Nuclear negotiations resumed in ${c.city} on ${c.date}, with ${c.who} leading his country's negotiators.`,
        more: [
          (c) => `The negotiations are expected to last ${c.num(2, 5)} days and focus on enrichment limits.`,
          (c) => `Negotiators from both sides met for ${c.num(3, 7)} hours behind closed doors.`,
          (c) => `${c.name} told reporters the negotiations were serious but difficult.`,
          () => `Diplomats said the negotiations could resume next month if progress was made.`,
        ],
      },
      {
        title: (c) => `Mediators say deal on enrichment is close after talks in ${c.city}`,
        lead: (c) => `Officials negotiating a new nuclear understanding met in ${c.city} on ${c.date}, and ${c.who} said a text had been negotiated on most points.`,
        more: [
          () => `Those negotiating the text have narrowed their differences on inspections, a diplomat said.`,
          (c) => `${c.name} said nothing would be final until everything was negotiated.`,
          () => `A fresh round of talks is planned for the end of the month.`,
        ],
      },
    ],
    background: (c) => `Nuclear negotiations with Western powers are due to resume in ${c.city} next month.`,
  },
  oil_exports: {
    people: ['pezeshkian', 'sudani', 'mbs', 'barzani'],
    variants: [
      {
        title: (c) => `${c.adj} oil exports hit ${c.num(2, 7)}-year high`,
        lead: (c) => `${c.adj} crude exports rose to ${c.num(1, 3)}.${c.num(1, 9)} million barrels a day in ${c.month}, the highest in years, ${c.who} said on ${c.date}.`,
        more: [
          () => `Most of the exports went to refiners in Asia, tanker-tracking data show.`,
          (c) => `Officials expect exports to keep rising as new pipelines from ${c.city} come online.`,
          (c) => `${c.name} said export revenue would fund public salaries next year.`,
        ],
      },
      {
        title: (c) => `${c.country} exported more crude despite pressure`,
        lead: (c) => `${c.country} exported an average of ${c.num(900, 1900)},000 barrels of crude a day in ${c.month}, ${c.who} said on ${c.date}.`,
        more: [
          () => `The country has been exporting most of its oil to China through intermediaries.`,
          (c) => `${c.name} said the ministry was exporting more condensate from fields near ${c.city}.`,
          (c) => `Crude exported by sea rose by ${c.num(5, 20)} per cent from the previous month.`,
        ],
      },
    ],
    background: () => `Its crude exports have doubled in two years.`,
  },
  prisoners: {
    people: ['araghchi', 'busaidi', 'thani', 'sudani'],
    variants: [
      {
        title: (c) => `Prisoner swap completed via ${c.city}`,
        lead: (c) => `A prisoner swap between ${c.country} and ${c.country2} was completed in ${c.city} on ${c.date}, ${c.who} said.`,
        more: [
          (c) => `Each side released ${c.num(2, 6)} prisoners under the deal, which took months to arrange.`,
          () => `The freed prisoners were flown home on a chartered plane.`,
          (c) => `${c.name} thanked the mediators and said the prisoner swap could build trust.`,
        ],
      },
      {
        title: (c) => `${c.num(2, 6)} detainees freed in exchange deal`,
        lead: (c) => `${c.country} freed ${c.num(2, 6)} detainees held on spying charges in exchange for ${c.num(2, 6)} of its nationals, ${c.who} said on ${c.date}.`,
        more: [
          (c) => `The detainees arrived in ${c.city} late at night and were met by relatives.`,
          () => `The exchange was arranged through a third country after months of contacts.`,
          (c) => `${c.name} said the detainees had been treated in line with the law.`,
        ],
      },
    ],
    background: () => `Relations improved after a prisoner exchange last year.`,
  },
  drones: {
    people: ['sudani', 'qassem', 'barzani', 'mbs'],
    variants: [
      {
        title: (c) => `Drone strike hits site near ${c.city}`,
        lead: (c) => `A drone strike hit a warehouse near ${c.city} on ${c.date}, killing ${c.num(2, 9)} people, ${c.who} said.`,
        more: [
          () => `Witnesses said they heard the drone for several minutes before the blast.`,
          (c) => `${c.name} ordered an investigation into the drone strike.`,
          () => `No group claimed responsibility for the drone attack.`,
        ],
      },
      {
        title: (c) => `Air defences down ${c.num(3, 12)} drones over ${c.city}`,
        lead: (c) => `Air defences shot down ${c.num(3, 12)} drones over ${c.city} overnight, ${c.who} said on ${c.date}.`,
        more: [
          () => `The drones were launched in two waves, the military said.`,
          () => `Debris from the downed drones damaged several houses.`,
          (c) => `${c.name} said the drones had targeted energy facilities.`,
        ],
      },
    ],
    background: () => `Drone attacks on the region's energy sites have increased since the spring.`,
  },
  elections: {
    people: ['sudani', 'barzani', 'pezeshkian', 'ghalibaf'],
    variants: [
      {
        title: (c) => `${c.adj} parliamentary elections set for ${c.month}`,
        lead: (c) => `${c.country} will hold parliamentary elections in ${c.month}, the electoral commission said on ${c.date}, and ${c.who} urged a high turnout.`,
        more: [
          (c) => `More than ${c.num(5, 40)} parties have registered to run in the elections.`,
          (c) => `Observers said the elections would test the government's popularity in ${c.city}.`,
          (c) => `${c.name} said the elections must be free and fair.`,
        ],
      },
      {
        title: (c) => `Turnout low in ${c.adj} election`,
        lead: (c) => `Turnout in ${c.country}'s election on ${c.date} was ${c.num(30, 55)} per cent, the electoral commission said, as ${c.who} cast his ballot in ${c.city}.`,
        more: [
          (c) => `Results of the election are expected within ${c.num(2, 5)} days.`,
          (c) => `${c.name} said the election showed that voters trusted the process.`,
          (c) => `Monitors reported minor violations at ${c.num(10, 90)} polling stations.`,
        ],
      },
    ],
    background: () => `The country goes to the polls in parliamentary elections later this year.`,
  },
  protests: {
    people: ['sudani', 'pezeshkian', 'khamenei'],
    variants: [
      {
        title: (c) => `Protesters rally in ${c.city} over power cuts`,
        lead: (c) => `Thousands of protesters rallied in ${c.city} on ${c.date} over power cuts and unpaid wages, and ${c.who} promised action.`,
        more: [
          () => `Protesters blocked roads and chanted against officials.`,
          () => `Police used tear gas to disperse the protesters near the governor's office.`,
          (c) => `${c.name} said the protesters' demands were legitimate.`,
        ],
      },
      {
        title: (c) => `Workers protest over wages in ${c.city}`,
        lead: (c) => `Oil workers protested in ${c.city} on ${c.date} for a third day, demanding wages unpaid for ${c.num(3, 8)} months; ${c.who} called for calm.`,
        more: [
          (c) => `The protests spread to ${c.num(2, 6)} other towns by the evening.`,
          () => `Those protesting said they would continue until they were paid.`,
          (c) => `${c.name} said the protests had been exploited by outsiders.`,
        ],
      },
    ],
    background: () => `Protests over electricity shortages have hit several provinces this summer.`,
  },
  earthquake: {
    people: [],
    variants: [
      {
        title: (c) => `Magnitude ${c.num(5, 6)}.${c.num(1, 9)} earthquake strikes near ${c.city}`,
        lead: (c) => `An earthquake of magnitude ${c.num(5, 6)}.${c.num(1, 9)} struck near ${c.city} on ${c.date}, killing at least ${c.num(3, 40)} people.`,
        more: [
          () => `The earthquake destroyed mud-brick homes in several villages.`,
          () => `Rescuers searched through the rubble left by the earthquake through the night.`,
          () => `Aftershocks followed the earthquake for hours.`,
        ],
      },
      {
        title: (c) => `Quake leaves hundreds homeless near ${c.city}`,
        lead: (c) => `A strong quake shook the region around ${c.city} on ${c.date}, leaving hundreds of families homeless.`,
        more: [
          (c) => `The quake was felt as far away as ${c.country2}.`,
          () => `Seismologists said the area has had several earthquakes in the past decade.`,
          () => `Tents were set up for families who lost their homes in the quake.`,
        ],
      },
    ],
    background: () => `The region is still rebuilding after last year's earthquake.`,
  },
  refinery: {
    people: ['sudani', 'pezeshkian', 'mbs'],
    variants: [
      {
        title: (c) => `Fire at ${c.city} refinery brought under control`,
        lead: (c) => `A fire broke out at the ${c.city} refinery on ${c.date} and was brought under control after ${c.num(3, 9)} hours, ${c.who} said.`,
        more: [
          (c) => `The refinery processes about ${c.num(150, 400)},000 barrels a day.`,
          () => `Two workers were injured, and the refinery's output was cut by half.`,
          (c) => `${c.name} ordered an inquiry into safety at the refinery.`,
        ],
      },
      {
        title: (c) => `${c.country} plans to expand refineries`,
        lead: (c) => `${c.country} plans to expand three refineries and build a new one near ${c.city}, ${c.who} said on ${c.date}.`,
        more: [
          () => `The refineries will produce more petrol to end imports, officials said.`,
          () => `Foreign firms have been invited to bid for work at the refineries.`,
          (c) => `${c.name} said the refineries' upgrade would cost billions.`,
        ],
      },
    ],
    background: () => `A fire at a major refinery last month cut fuel supplies.`,
  },
  pilgrims: {
    people: ['mbs', 'faisal', 'sudani'],
    variants: [
      {
        title: (c) => `${c.num(2, 9)} million pilgrims expected in ${c.city}`,
        lead: (c) => `Authorities expect ${c.num(2, 9)} million pilgrims in ${c.city} this season, ${c.who} said on ${c.date}.`,
        more: [
          (c) => `Pilgrims from ${c.country2} will arrive on extra flights.`,
          () => `New rules require pilgrims to register online before they travel.`,
          () => `Heat warnings were issued for pilgrims walking between the holy sites.`,
        ],
      },
      {
        title: () => `Arbaeen pilgrimage draws record crowds`,
        lead: (c) => `The annual pilgrimage to Karbala drew record crowds on ${c.date}, ${c.who} said, with many walking from ${c.city}.`,
        more: [
          () => `Organisers said the pilgrimage passed without major incidents.`,
          () => `Volunteers handed out food and water along the pilgrimage route.`,
        ],
      },
    ],
    background: () => `Travel between the two countries rises sharply during the pilgrimage season.`,
  },
  investment: {
    people: ['mbs', 'thani', 'barzani', 'fidan'],
    variants: [
      {
        title: (c) => `${c.country} pledges ${c.num(2, 20)} billion dollars in investments`,
        lead: (c) => `${c.country} pledged ${c.num(2, 20)} billion dollars in investments in ${c.country2}'s energy and housing sectors, ${c.who} said in ${c.city} on ${c.date}.`,
        more: [
          (c) => `The investments will be spread over ${c.num(3, 10)} years.`,
          (c) => `${c.name} said the investments would create thousands of jobs.`,
          () => `Analysts said the investments signalled warming political ties.`,
        ],
      },
      {
        title: (c) => `Sovereign fund to invest in ${c.city} projects`,
        lead: (c) => `A sovereign fund will invest ${c.num(1, 9)} billion dollars in ports and power plants around ${c.city}, ${c.who} said on ${c.date}.`,
        more: [
          () => `Foreign investors have been cautious because of regional tensions.`,
          (c) => `${c.name} said the fund was investing for the long term.`,
        ],
      },
    ],
    background: () => `Gulf investors have pledged billions for projects in the country.`,
  },
  flights: {
    people: ['faisal', 'araghchi', 'sudani'],
    variants: [
      {
        title: (c) => `Direct flights resume between ${c.country} and ${c.country2}`,
        lead: (c) => `Direct flights between ${c.country} and ${c.country2} resumed on ${c.date} after ${c.num(3, 8)} years, with the first plane landing in ${c.city}.`,
        more: [
          (c) => `Airlines from both countries will operate ${c.num(4, 14)} flights a week.`,
          (c) => `${c.who} said the flights would bring families and businesses closer.`,
        ],
      },
      {
        title: (c) => `First flight in years lands in ${c.city}`,
        lead: (c) => `The first scheduled flight in ${c.num(3, 8)} years from ${c.country2} landed in ${c.city} on ${c.date}, ${c.who} said.`,
        more: [
          (c) => `The flight carried ${c.num(90, 180)} passengers, many of them pilgrims.`,
          (c) => `${c.name} welcomed the flight as a sign of normal relations.`,
        ],
      },
    ],
    background: () => `Direct flights between the two capitals resumed this year.`,
  },
  university: {
    people: [],
    variants: [
      {
        title: (c) => `Universities in ${c.city} move classes online`,
        lead: (c) => `Universities in ${c.city} moved classes online on ${c.date} because of air pollution.`,
        more: [
          () => `Students said the universities gave them little notice.`,
          () => `The ministry said the universities would reopen once the air cleared.`,
        ],
      },
      {
        title: (c) => `${c.city} university students oppose fee rise`,
        lead: (c) => `Students at a university in ${c.city} staged a sit-in on ${c.date} against a ${c.num(20, 60)} per cent fee rise.`,
        more: [
          () => `The university said the increase was needed to pay staff.`,
          () => `The university's president agreed to meet student representatives.`,
        ],
      },
    ],
    background: () => `University admissions have fallen for a third year.`,
  },
};
