/** The portal face (placeholder until its issue work lands). */
export default function PortalApp() {
  return (
    <main>
      <h1>portal</h1>
    </main>
  );
}
