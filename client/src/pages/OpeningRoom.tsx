/** What a room's pages show until this device has opened the room's documents. */
export function OpeningRoom() {
  return (
    <p className="page-message" role="status">
      Opening the room…
    </p>
  );
}
