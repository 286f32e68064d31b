/** A page that only says something: the 404 page and a preview that cannot be shown. */
export function MessageView({ heading, message }: { heading: string; message: string }) {
  return (
    <div className="message-page">
      <h1>{heading}</h1>
      <p>{message}</p>
      <p>
        <a href="/">Till startsidan</a>
      </p>
    </div>
  )
}
