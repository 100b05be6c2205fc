/** A failure the person should read, announced as it appears. */
export function ErrorMessage({ title, message }: { title?: string; message: string }) {
  return (
    <div className="banner banner-error" role="alert">
      <p>
        {title && <strong>{title} </strong>}
        {message}
      </p>
    </div>
  );
}
