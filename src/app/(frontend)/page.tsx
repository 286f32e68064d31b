export default function HomePage() {
  return (
    <>
      <h1>Öppna jämförelser</h1>
      <p>Kalmar kommuns resultat i Öppna jämförelser inom socialtjänsten.</p>
      <p>
        <a href="/admin">Logga in i redaktörsgränssnittet</a>
      </p>
    </>
  )
}
