/** Words that say nothing about what a finding or an answer is about. */

// Snowball's Swedish stop words, without the negations (see NEGATIONS).
const FUNCTION_WORDS = `och det att i en jag hon som han på den med var sig för så till är men ett om hade de av mig du
henne då sin nu har hans honom skulle hennes där min man vid kunde något från ut när efter upp vi dem vara vad över än dig
kan sina här ha mot alla under någon eller allt mycket sedan ju denna själv detta åt utan varit hur mitt ni bli blev oss din
dessa några deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje vilka ditt vem vilket sitta
sådana vart dina vars vårt våra ert era vilkas enligt även också både samt hos genom per bland annat olika fler flera mer
mest dock redan alltid ännu finns fanns får kommer`

// The frame of every bullet ("37 procent av kommunerna uppger att …").
const SURVEY_WORDS = `kommun kommuns kommunen kommunens kommuner kommunerna kommunernas procent procentenheter andel andelen
år året åren års sverige sveriges landet landets riket riksnivå resultat resultatet visar uppger`

export const NEGATIONS: ReadonlySet<string> = new Set(['inte', 'ej', 'icke', 'ingen', 'inget', 'inga', 'aldrig', 'saknar', 'saknas', 'varken'])

export const STOP_WORDS: ReadonlySet<string> = new Set([...`${FUNCTION_WORDS} ${SURVEY_WORDS}`.split(/\s+/u), ...NEGATIONS])
